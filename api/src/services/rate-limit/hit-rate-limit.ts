import { AppError } from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import { sql } from "drizzle-orm";

export interface RateLimitOptions {
	db: Db;
	/** e.g. `auth:203.0.113.7` */
	key: string;
	limit: number;
	windowSeconds: number;
}

/**
 * A fixed-window counter in Postgres, so every api process shares it (ARCHITECTURE §10 asks for
 * a store shared through Postgres). One atomic upsert per hit; throws TOO_MANY_REQUESTS past the
 * limit with the seconds to wait.
 */
export async function hitRateLimit(options: RateLimitOptions): Promise<void> {
	const { db, key, limit, windowSeconds } = options;
	const rows = await db.execute<{ hits: number; reset_at: Date | string }>(sql`
		insert into rate_limits (key, hits, reset_at)
		values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
		on conflict (key) do update set
			hits = case when rate_limits.reset_at <= now() then 1 else rate_limits.hits + 1 end,
			reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
		returning hits, reset_at`);
	const row = rows[0];
	if (row && row.hits > limit) {
		const retryAfter = Math.max(1, Math.ceil((new Date(row.reset_at).getTime() - Date.now()) / 1000));
		throw new AppError("TOO_MANY_REQUESTS", `Too many attempts. Try again in ${retryAfter} s.`, {
			retryAfter,
		});
	}
}
