import { AppError, photoProgressChannel } from "@focus-racer/core";
import { type Db, photoEvents, uploadBatches } from "@focus-racer/db";
import { and, asc, eq, gt } from "drizzle-orm";

export type ProgressRow = {
	id: number;
	photoId: string;
	status: (typeof photoEvents.$inferSelect)["status"];
	step: string | null;
	message: string | null;
	createdAt: Date;
};

export async function requireOwnBatch(db: Db, batchId: string, userId: string): Promise<void> {
	const [batch] = await db
		.select({ id: uploadBatches.id })
		.from(uploadBatches)
		.where(and(eq(uploadBatches.id, batchId), eq(uploadBatches.uploaderId, userId)));
	if (!batch) throw new AppError("NOT_FOUND", "Upload batch not found.");
}

/**
 * Streams a batch's progress rows from `afterId` on: first what is already stored (a
 * reconnecting browser catches up), then each new row as the workers' NOTIFY announces it,
 * whichever process did the work. A slow 10 s poll covers a lost notification.
 */
export async function* watchBatchProgress(options: {
	db: Db;
	batchId: string;
	afterId: number;
	signal: AbortSignal | undefined;
}): AsyncGenerator<ProgressRow> {
	const { db, batchId, signal } = options;
	let cursor = options.afterId;
	let wake: (() => void) | undefined;
	const listener = await db.$client.listen(photoProgressChannel, (payload) => {
		try {
			if ((JSON.parse(payload) as { batchId?: string }).batchId === batchId) wake?.();
		} catch {
			// Not ours.
		}
	});
	const onAbort = () => wake?.();
	signal?.addEventListener("abort", onAbort);
	try {
		while (!signal?.aborted) {
			const rows = await db
				.select({
					id: photoEvents.id,
					photoId: photoEvents.photoId,
					status: photoEvents.status,
					step: photoEvents.step,
					message: photoEvents.message,
					createdAt: photoEvents.createdAt,
				})
				.from(photoEvents)
				.where(and(eq(photoEvents.batchId, batchId), gt(photoEvents.id, cursor)))
				.orderBy(asc(photoEvents.id))
				.limit(500);
			for (const row of rows) {
				cursor = row.id;
				yield row;
			}
			if (rows.length === 500) continue;
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, 10_000);
				wake = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			wake = undefined;
		}
	} finally {
		signal?.removeEventListener("abort", onAbort);
		await listener.unlisten().catch(() => {});
	}
}
