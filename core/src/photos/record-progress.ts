import { type PhotoStatus, photoEvents } from "@focus-racer/db";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../credits/photo-charge.ts";

/** The NOTIFY channel the api LISTENs on to stream progress over SSE. */
export const photoProgressChannel = "photo_progress";

export interface PhotoProgress {
	photoId: string;
	eventId: string;
	batchId: string | null;
	status: PhotoStatus;
	step?: string;
	message?: string;
}

/**
 * Appends one progress row and notifies listeners, in the caller's transaction: the NOTIFY is
 * delivered at commit, so a listener never sees progress that was rolled back. The payload only
 * carries ids; listeners read the rows from the table (a reconnecting browser resumes by id).
 */
export async function recordPhotoProgress(tx: DbOrTx, progress: PhotoProgress): Promise<number> {
	const [row] = await tx
		.insert(photoEvents)
		.values({
			photoId: progress.photoId,
			eventId: progress.eventId,
			batchId: progress.batchId,
			status: progress.status,
			step: progress.step,
			message: progress.message,
		})
		.returning({ id: photoEvents.id });
	const id = row?.id ?? 0;
	await tx.execute(
		sql`select pg_notify(${photoProgressChannel}, ${JSON.stringify({ id, batchId: progress.batchId, eventId: progress.eventId })})`,
	);
	return id;
}
