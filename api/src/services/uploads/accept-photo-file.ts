import { randomUUID } from "node:crypto";
import {
	AppError,
	chargePhoto,
	ImageRejectedError,
	inspectImage,
	type Logger,
	normaliseUpload,
	originalKey,
	recordPhotoProgress,
	type Storage,
	sendJob,
} from "@focus-racer/core";
import { type Db, photos, type UploadBatch, uploadBatches } from "@focus-racer/db";
import { and, eq, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";

export type UploadFileResult =
	| { name: string; clientRef?: string; status: "accepted"; photoId: string }
	| { name: string; clientRef?: string; status: "rejected"; reason: string; message: string };

export interface AcceptPhotoFileOptions {
	db: Db;
	storage: Storage;
	queue: PgBoss;
	log: Logger;
	batch: UploadBatch;
	uploaderId: string;
	maxPixels: number;
	file: { name: string; buffer: Buffer; clientRef?: string | undefined; clientTakenAt?: Date | undefined };
}

const extensions: Record<string, string> = {
	jpeg: "jpg",
	png: "png",
	webp: "webp",
	tiff: "tif",
	heif: "jpg",
	avif: "avif",
};

/**
 * One file of an upload: refuse what does not decode (free), store the original, then create
 * the photo row and debit its credit in ONE transaction, then queue the pipeline. A retried
 * chunk (same batch + clientRef) finds its photo and charges nothing again.
 */
export async function acceptPhotoFile(options: AcceptPhotoFileOptions): Promise<UploadFileResult> {
	const { db, storage, batch, file } = options;
	const base = { name: file.name, ...(file.clientRef ? { clientRef: file.clientRef } : {}) };
	if (file.clientRef) {
		const existing = await findByClientRef(db, batch.id, file.clientRef);
		if (existing) return { ...base, status: "accepted", photoId: existing };
	}
	let upload: { buffer: Buffer; mimeType: string };
	let info: Awaited<ReturnType<typeof inspectImage>>;
	try {
		upload = await normaliseUpload(file.buffer);
		info = await inspectImage(upload.buffer, { maxPixels: options.maxPixels });
	} catch (err) {
		if (err instanceof ImageRejectedError)
			return { ...base, status: "rejected", reason: err.reason, message: err.message };
		throw err;
	}
	const photoId = randomUUID();
	const key = originalKey({ eventId: batch.eventId, photoId, ext: extensions[info.format] ?? "bin" });
	await storage.put(key, upload.buffer, { contentType: upload.mimeType });
	try {
		await db.transaction(async (tx) => {
			await tx.insert(photos).values({
				id: photoId,
				eventId: batch.eventId,
				batchId: batch.id,
				uploaderId: options.uploaderId,
				clientRef: file.clientRef,
				originalFilename: file.name.slice(0, 255),
				originalKey: key,
				bytes: upload.buffer.length,
				mimeType: upload.mimeType,
				width: info.orientedWidth,
				height: info.orientedHeight,
				// The file's own EXIF first; the browser's reading when shrinking removed it.
				takenAt: info.takenAt ?? file.clientTakenAt ?? null,
				cameraMake: info.cameraMake,
				cameraModel: info.cameraModel,
				cameraSerial: info.cameraSerial,
				options: batch.options,
				creditCharged: true,
			});
			await chargePhoto(tx, { userId: options.uploaderId, photoId });
			await tx
				.update(uploadBatches)
				.set({ receivedCount: sql`${uploadBatches.receivedCount} + 1` })
				.where(eq(uploadBatches.id, batch.id));
			await recordPhotoProgress(tx, {
				photoId,
				eventId: batch.eventId,
				batchId: batch.id,
				status: "uploaded",
			});
		});
	} catch (err) {
		await storage.delete(key).catch(() => {});
		if (err instanceof AppError && err.code === "PAYMENT_REQUIRED") {
			return { ...base, status: "rejected", reason: "no_credits", message: err.message };
		}
		// Two requests raced with the same clientRef: the other one won, answer with its photo.
		const raced = file.clientRef ? await findByClientRef(db, batch.id, file.clientRef) : undefined;
		if (raced) return { ...base, status: "accepted", photoId: raced };
		throw err;
	}
	// After commit: a job for a row that does not exist yet would be skipped by the worker.
	await sendJob(options.queue, "photos.process", { photoId }).catch((err: unknown) => {
		// The photo stays `uploaded`; the worker's sweep re-queues such photos.
		options.log.error({ err, photoId }, "could not queue the photo");
	});
	return { ...base, status: "accepted", photoId };
}

async function findByClientRef(db: Db, batchId: string, clientRef: string): Promise<string | undefined> {
	const [row] = await db
		.select({ id: photos.id })
		.from(photos)
		.where(and(eq(photos.batchId, batchId), eq(photos.clientRef, clientRef)));
	return row?.id;
}
