import {
	ImageRejectedError,
	type JobPayload,
	mediaVersion,
	microKey,
	type PipelineSettings,
	processPhoto,
	recordPhotoProgress,
	refundPhotoCharge,
	thumbKey,
	webKey,
} from "@focus-racer/core";
import { type Photo, photos } from "@focus-racer/db";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { JobDeps, JobOutput, JobRun } from "../job-handler.ts";
import { runPhotoAi } from "./photo-ai-step.ts";

type Derived = Awaited<ReturnType<typeof processPhoto>>;

/**
 * One photo through the pipeline: decode once → derivatives → filters (duplicate, blurry) →
 * AI step → ready. Idempotent: derived keys are a pure function of (photo, content), a rerun
 * overwrites the same objects, the credit is never touched except a one-time refund for an
 * unreadable file, and a photo already final is left alone (redelivered job).
 */
export async function processPhotoJob(
	data: JobPayload<"photos.process"> & { step?: "derivatives" | "ai" | "all" },
	deps: JobDeps,
	run: JobRun,
): Promise<JobOutput> {
	const { db, storage, log } = deps;
	const [photo] = await db.select().from(photos).where(eq(photos.id, data.photoId));
	if (!photo) return { skipped: "photo deleted" };
	const reprocess = data.step !== undefined;
	if (!reprocess && (photo.status === "ready" || photo.status === "rejected")) {
		return { skipped: `already ${photo.status}` };
	}
	// A re-read of the AI alone keeps the filters' verdict: a rejected photo stays out of the gallery.
	if (data.step === "ai" && photo.status !== "ready") return { skipped: `${photo.status}: not re-read` };
	await db.transaction(async (tx) => {
		await tx
			.update(photos)
			.set({
				status: "processing",
				attempts: sql`${photos.attempts} + 1`,
				statusReason: null,
				rejectionReason: null,
			})
			.where(eq(photos.id, photo.id));
		await recordPhotoProgress(tx, progressOf(photo, "processing", "derivatives"));
	});
	try {
		const original = await storage.getBuffer(photo.originalKey);
		const settings = await deps.pipelineSettings();
		let derived: Derived;
		try {
			derived = await deps.cpu.run(() =>
				processPhoto(original, {
					maxPixels: deps.env.MAX_IMAGE_PIXELS,
					autoRetouch: photo.options.autoRetouch,
					watermark: settings.watermark,
					// Smart crops are cut from these pixels after the AI step, without a second decode.
					keepDecoded: photo.options.smartCrop && data.step !== "derivatives",
				}),
			);
		} catch (err) {
			if (err instanceof ImageRejectedError) return await rejectUnreadable(deps, photo, err.message);
			throw err;
		}
		await db
			.update(photos)
			.set({
				width: derived.width,
				height: derived.height,
				phash: derived.phash,
				blurScore: derived.blurScore,
				qualityScore: derived.qualityScore,
				takenAt: photo.takenAt ?? derived.takenAt,
			})
			.where(eq(photos.id, photo.id));
		// Filters before storing anything: a rejected photo never writes derivatives. A re-read of
		// the AI alone (`step: ai`) keeps the stored derivatives and the filters' verdict.
		let keys: Record<string, string> = {};
		if (data.step !== "ai") {
			const filtered = await applyFilters(deps, photo, derived, settings);
			if (filtered) return filtered;
			keys = await storeDerivatives(deps, photo, derived);
			await db.update(photos).set(keys).where(eq(photos.id, photo.id));
		}
		const ai =
			data.step === "derivatives"
				? undefined
				: await runPhotoAi(deps, photo, {
						aiImage: { data: derived.aiInput, ...derived.sizes.aiInput },
						cropSource: derived.decoded ?? original,
					});
		return { ...(await markReady(deps, photo, keys)), ...(ai ? { ai } : {}) };
	} catch (err) {
		// pg-boss retries with backoff; after the last retry the pro sees `failed` with the error.
		if (run.retryCount >= deps.retryLimit) {
			const message = err instanceof Error ? err.message : String(err);
			await db.transaction(async (tx) => {
				await tx
					.update(photos)
					.set({ status: "failed", statusReason: message.slice(0, 500) })
					.where(eq(photos.id, photo.id));
				await recordPhotoProgress(tx, { ...progressOf(photo, "failed"), message: message.slice(0, 500) });
			});
			log.error({ err, photoId: photo.id }, "photo failed after its last retry");
		}
		throw err;
	}
}

function progressOf(photo: Photo, status: Photo["status"], step?: string) {
	return {
		photoId: photo.id,
		eventId: photo.eventId,
		batchId: photo.batchId,
		status,
		...(step ? { step } : {}),
	};
}

async function storeDerivatives(deps: JobDeps, photo: Photo, derived: Derived) {
	const ref = { eventId: photo.eventId, photoId: photo.id };
	const put = async (key: string, body: Buffer) => {
		await deps.storage.put(key, body, { contentType: "image/webp" });
		return key;
	};
	const [web, thumb, micro] = await Promise.all([
		put(webKey({ ...ref, version: mediaVersion(derived.web) }), derived.web),
		put(thumbKey({ ...ref, version: mediaVersion(derived.thumb) }), derived.thumb),
		put(microKey({ ...ref, version: mediaVersion(derived.micro) }), derived.micro),
	]);
	// A reprocess with other options (retouch) wrote new keys: the old objects would be orphans.
	const stale = [photo.webKey, photo.thumbKey, photo.microKey].filter(
		(k): k is string => k !== null && ![web, thumb, micro].includes(k),
	);
	if (stale.length > 0) await deps.storage.deleteMany(stale);
	return { webKey: web, thumbKey: thumb, microKey: micro };
}

/** Duplicate then blurry, as the pro's options ask. A rejected photo keeps its credit and loses its derivatives. */
async function applyFilters(
	deps: JobDeps,
	photo: Photo,
	derived: Derived,
	settings: PipelineSettings,
): Promise<JobOutput | undefined> {
	const { db } = deps;
	if (photo.options.removeDuplicates) {
		// The first of two near-identical photos to get here is kept. Under one lock per event, two
		// processed at once cannot both pass: whichever checks second sees the other's hash.
		const duplicateOf = await db.transaction(async (tx) => {
			await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dedupe:${photo.eventId}`}))`);
			const [match] = await tx
				.select({ id: photos.id })
				.from(photos)
				.where(
					and(
						eq(photos.eventId, photo.eventId),
						ne(photos.id, photo.id),
						inArray(photos.status, ["processing", "ready"]),
						sql`${photos.phash} is not null`,
						sql`bit_count(('x' || ${photos.phash})::bit(64) # ('x' || ${derived.phash})::bit(64)) <= ${settings.duplicateMaxDistance}`,
					),
				)
				.limit(1);
			return match?.id;
		});
		if (duplicateOf)
			return reject(deps, photo, "duplicate", "Same picture as an earlier photo of this event.", duplicateOf);
	}
	if (photo.options.filterBlurry && derived.blurScore < settings.blurThreshold) {
		const message = `Too blurry (sharpness ${derived.blurScore.toFixed(1)} < ${settings.blurThreshold}).`;
		return reject(deps, photo, "blurry", message);
	}
	return undefined;
}

async function reject(
	deps: JobDeps,
	photo: Photo,
	reason: "duplicate" | "blurry",
	message: string,
	duplicateOfId?: string,
): Promise<JobOutput> {
	const [current] = await deps.db
		.select({ webKey: photos.webKey, thumbKey: photos.thumbKey, microKey: photos.microKey })
		.from(photos)
		.where(eq(photos.id, photo.id));
	await deps.db.transaction(async (tx) => {
		await tx
			.update(photos)
			.set({
				status: "rejected",
				rejectionReason: reason,
				statusReason: message,
				duplicateOfId: duplicateOfId ?? null,
				webKey: null,
				thumbKey: null,
				microKey: null,
				processedAt: new Date(),
			})
			.where(eq(photos.id, photo.id));
		await recordPhotoProgress(tx, { ...progressOf(photo, "rejected"), message });
	});
	const keys = [current?.webKey, current?.thumbKey, current?.microKey].filter((k): k is string => Boolean(k));
	await deps.storage.deleteMany(keys);
	return { rejected: reason };
}

/** A file that does not decode costs nothing: its credit comes back (once), and it is rejected. */
async function rejectUnreadable(deps: JobDeps, photo: Photo, message: string): Promise<JobOutput> {
	await deps.db.transaction(async (tx) => {
		if (photo.uploaderId) await refundPhotoCharge(tx, { userId: photo.uploaderId, photoId: photo.id });
		await tx
			.update(photos)
			.set({
				status: "rejected",
				rejectionReason: "unreadable",
				statusReason: message,
				creditCharged: false,
				processedAt: new Date(),
			})
			.where(eq(photos.id, photo.id));
		await recordPhotoProgress(tx, { ...progressOf(photo, "rejected"), message });
	});
	return { rejected: "unreadable" };
}

async function markReady(deps: JobDeps, photo: Photo, keys: Record<string, string>): Promise<JobOutput> {
	await deps.db.transaction(async (tx) => {
		await tx.update(photos).set({ status: "ready", processedAt: new Date() }).where(eq(photos.id, photo.id));
		await recordPhotoProgress(tx, progressOf(photo, "ready"));
	});
	return { ready: true, ...keys };
}
