import { sendJob } from "@focus-racer/core";
import { photos } from "@focus-racer/db";
import { and, eq, lt } from "drizzle-orm";
import type { JobDeps, JobOutput } from "../job-handler.ts";

/** Photos `uploaded` for this long without a job are stuck (a normal one starts in seconds). */
export const stuckAfterMs = 2 * 60 * 1000;

export async function requeueStuckPhotos(_data: Record<string, never>, deps: JobDeps): Promise<JobOutput> {
	const stuck = await deps.db
		.select({ id: photos.id })
		.from(photos)
		.where(and(eq(photos.status, "uploaded"), lt(photos.updatedAt, new Date(Date.now() - stuckAfterMs))))
		.limit(10_000);
	for (const photo of stuck) {
		await sendJob(deps.boss, "photos.process", { photoId: photo.id });
	}
	if (stuck.length > 0) deps.log.warn({ count: stuck.length }, "re-queued photos stuck in `uploaded`");
	return { requeued: stuck.length };
}
