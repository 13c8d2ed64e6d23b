import type { JobPayload } from "@focus-racer/core";
import { sessions } from "@focus-racer/db";
import { lt, sql } from "drizzle-orm";
import type { JobDeps, JobOutput } from "../job-handler.ts";

/**
 * Hourly (cron in core's jobDefinitions): deletes sessions past their expiry. Login already
 * refuses them; this only keeps the table small. Idempotent: a second run finds nothing.
 * The database clock decides, so workers with a skewed clock agree.
 */
export async function purgeExpiredSessions(
	_data: JobPayload<"sessions.purge-expired">,
	deps: Pick<JobDeps, "db" | "log">,
): Promise<JobOutput> {
	const result = await deps.db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
	const deleted = result.count;
	if (deleted > 0) deps.log.info({ deleted }, "expired sessions purged");
	return { deleted };
}
