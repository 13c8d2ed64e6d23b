import {
	type AiEngine,
	type AiImage,
	type AiSettings,
	assignBibsToFaces,
	type BibRead,
	cachedValue,
	cropAroundFaces,
	cropKey,
	type DetectedFace,
	faceClusterDelaySeconds,
	mediaVersion,
	type RawImage,
	readBibs,
	readOutfits,
	recordPhotoProgress,
	sendJob,
	withoutBibFaces,
} from "@focus-racer/core";
import { boxColumns, faces, type Photo, photoBibs, photos, startListEntries } from "@focus-racer/db";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { JobDeps } from "../job-handler.ts";
import { wornBibs } from "./worn-bibs.ts";

export interface PhotoAiResult {
	provider: AiEngine["provider"];
	bibs: string[];
	faces: number;
	/** Bibs that reached the photo through a face already known (Rekognition's own index). */
	linkedByFace: string[];
}

/**
 * The AI step of the pipeline: faces (with identity data), then bibs read with the faces'
 * help (the torso below each face), both stored; each bib given to the face wearing it; smart
 * crops when asked; then the event is queued for regrouping (faces.cluster), which links photos
 * whose bib is hidden. Idempotent: a rerun replaces this photo's faces and read bibs (a bib
 * typed by a pro is never touched, and a photo the pro reviewed keeps its list as it is).
 */
export async function runPhotoAi(
	deps: JobDeps,
	photo: Photo,
	input: { aiImage: AiImage; cropSource: Buffer | RawImage },
): Promise<PhotoAiResult> {
	const settings = await deps.aiSettings();
	const engine = await deps.ai.get(settings.provider);
	await recordPhotoProgress(deps.db, {
		photoId: photo.id,
		eventId: photo.eventId,
		batchId: photo.batchId,
		status: "processing",
		step: "ai",
	});
	const found = settings.faceIndexing
		? await deps.cpu.run(() =>
				engine.detectFaces(input.aiImage, { eventId: photo.eventId, photoId: photo.id }),
			)
		: [];
	const startList = await eventStartList(deps, photo.eventId);
	const bibs = await deps.cpu.run(() =>
		readBibs(engine, input.aiImage, found, {
			minConfidence: settings.bibMinConfidence,
			minLength: settings.bibMinLength,
			maxLength: settings.bibMaxLength,
			startList,
		}),
	);
	// A face the detector found on a bib we read is that bib: out of the faces, and out of the
	// provider's index when it filed one (Rekognition indexes while it detects).
	const { faces: detected, droppedProviderFaceIds } = withoutBibFaces(found, bibs);
	if (droppedProviderFaceIds.length > 0) await engine.deleteFaces(photo.eventId, droppedProviderFaceIds);
	// What each runner wears, for faces.cluster to tell look-alike faces apart (a few ms).
	const outfits = await deps.cpu.run(() =>
		readOutfits(
			input.aiImage,
			detected.map((f) => f.box),
		),
	);
	const crops =
		photo.options.smartCrop && detected.length > 0
			? await storeCrops(deps, photo, input.cropSource, detected)
			: detected.map(() => null);
	const stored = await storeAiResults(deps, { photo, engine, detected, outfits, bibs, crops, startList });
	// Faces this photo had before (a rerun): gone from our table, so gone from the provider too.
	if (stored.replacedProviderFaceIds.length > 0) {
		await engine.deleteFaces(photo.eventId, stored.replacedProviderFaceIds);
	}
	if (stored.replacedCropKeys.length > 0) await deps.storage.deleteMany(stored.replacedCropKeys);
	// A reviewed photo keeps the pro's list; faces that wear a bib already need no link.
	const unnamed = stored.reviewed
		? []
		: detected.flatMap((face, i) =>
				face.providerFaceId && !stored.worn.has(i) ? [face.providerFaceId] : [],
			);
	const linkedByFace = await linkThroughProviderIndex(deps, engine, photo, settings, unnamed);
	if (detected.some((f) => f.embedding)) {
		await sendJob(
			deps.boss,
			"faces.cluster",
			{ eventId: photo.eventId },
			{ startAfter: faceClusterDelaySeconds },
		);
	}
	return { provider: engine.provider, bibs: bibs.map((b) => b.bib), faces: detected.length, linkedByFace };
}

/**
 * The event's bibs, to prefer plausible reads; re-read at most once a minute per event (a start
 * list rarely changes mid-race, and 16 jobs in flight must not each load 10 000 entries).
 */
const startLists = new Map<string, () => Promise<ReadonlySet<string>>>();
const startListTtlMs = 60_000;
const startListEvents = 500;

function eventStartList(deps: JobDeps, eventId: string): Promise<ReadonlySet<string>> {
	let read = startLists.get(eventId);
	if (!read) {
		read = cachedValue(async () => {
			const rows = await deps.db
				.select({ bib: startListEntries.bib })
				.from(startListEntries)
				.where(eq(startListEntries.eventId, eventId));
			return new Set(rows.map((r) => r.bib));
		}, startListTtlMs);
		startLists.set(eventId, read);
		// Oldest event out: a worker lives through many races.
		if (startLists.size > startListEvents) {
			const oldest = startLists.keys().next().value;
			if (oldest) startLists.delete(oldest);
		}
	}
	return read();
}

async function storeCrops(
	deps: JobDeps,
	photo: Photo,
	source: Buffer | RawImage,
	detected: readonly DetectedFace[],
): Promise<(string | null)[]> {
	const images = await deps.cpu.run(() =>
		cropAroundFaces(
			source,
			detected.map((f) => f.box),
			{ maxPixels: deps.env.MAX_IMAGE_PIXELS },
		),
	);
	return Promise.all(
		images.map(async (image, faceIndex) => {
			const key = cropKey({
				eventId: photo.eventId,
				photoId: photo.id,
				faceIndex,
				version: mediaVersion(image),
			});
			await deps.storage.put(key, image, { contentType: "image/webp" });
			return key;
		}),
	);
}

async function storeAiResults(
	deps: JobDeps,
	args: {
		photo: Photo;
		engine: AiEngine;
		detected: readonly DetectedFace[];
		outfits: readonly (number[] | null)[];
		bibs: readonly BibRead[];
		crops: readonly (string | null)[];
		startList: ReadonlySet<string>;
	},
): Promise<{
	reviewed: boolean;
	/** Face index → the bib it wears on this photo. */
	worn: Map<number, string>;
	replacedProviderFaceIds: string[];
	replacedCropKeys: string[];
}> {
	const { photo, detected, outfits, bibs, crops } = args;
	return deps.db.transaction(async (tx) => {
		const [current] = await tx
			.select({ bibsReviewedAt: photos.bibsReviewedAt })
			.from(photos)
			.where(eq(photos.id, photo.id))
			.for("update");
		const reviewed = Boolean(current?.bibsReviewedAt);
		const previous = await tx
			.delete(faces)
			.where(eq(faces.photoId, photo.id))
			.returning({ providerFaceId: faces.providerFaceId, cropKey: faces.cropKey });
		if (!reviewed) {
			// Reads and face links are recomputed; a bib a pro typed (manual) or timing data (chrono) stays.
			await tx
				.delete(photoBibs)
				.where(and(eq(photoBibs.photoId, photo.id), inArray(photoBibs.source, ["ocr", "face_recognition"])));
			if (bibs.length > 0) {
				const entries = await tx
					.select({ id: startListEntries.id, bib: startListEntries.bib })
					.from(startListEntries)
					.where(
						and(
							eq(startListEntries.eventId, photo.eventId),
							inArray(
								startListEntries.bib,
								bibs.map((b) => b.bib),
							),
						),
					);
				const entryOf = new Map(entries.map((e) => [e.bib, e.id]));
				await tx
					.insert(photoBibs)
					.values(
						bibs.map((b) => ({
							photoId: photo.id,
							eventId: photo.eventId,
							bib: b.bib,
							confidence: Math.min(100, Math.max(0, b.confidence)),
							source: "ocr" as const,
							...boxColumns(b.box),
							startListEntryId: entryOf.get(b.bib) ?? null,
						})),
					)
					.onConflictDoNothing();
			}
		}
		// Which face wears which bib: the photo's bibs as they now stand (a reviewed list included).
		const worn = assignBibsToFaces(detected, (await wornBibs(tx, { photoId: photo.id })).get(photo.id) ?? []);
		if (detected.length > 0) {
			await tx.insert(faces).values(
				detected.map((face, i) => ({
					photoId: photo.id,
					eventId: photo.eventId,
					...boxColumns(face.box),
					confidence: Math.min(100, Math.max(0, face.confidence)),
					quality: face.quality,
					embedding: face.embedding,
					embeddingModel: face.embeddingModel,
					outfit: outfits[i] ?? null,
					providerFaceId: face.providerFaceId,
					cropKey: crops[i] ?? null,
					bib: worn.get(i) ?? null,
				})),
			);
		}
		await tx.update(photos).set({ ocrProvider: args.engine.provider }).where(eq(photos.id, photo.id));
		const keptCrops = new Set(crops.filter((k): k is string => Boolean(k)));
		return {
			reviewed,
			worn,
			replacedProviderFaceIds: previous
				.map((f) => f.providerFaceId)
				.filter((id): id is string => Boolean(id)),
			replacedCropKeys: previous
				.map((f) => f.cropKey)
				.filter((k): k is string => Boolean(k) && !keptCrops.has(k ?? "")),
		};
	});
}

/**
 * Engines that keep their own face index (Rekognition) answer "who else looks like this face"
 * themselves: a face of this photo with no bib of its own takes the bib of the most similar
 * face already wearing one. Engines that embed locally return no matches here; the debounced
 * faces.cluster job links their photos, with the whole event in view.
 */
async function linkThroughProviderIndex(
	deps: JobDeps,
	engine: AiEngine,
	photo: Photo,
	settings: AiSettings,
	/** The provider ids of this photo's faces that wear no bib of their own. */
	providerFaceIds: readonly string[],
): Promise<string[]> {
	const linked = new Map<string, number>();
	for (const providerFaceId of providerFaceIds) {
		const matches = await engine.similarIndexedFaces({
			eventId: photo.eventId,
			providerFaceId,
			minSimilarity: settings.faceMatchSimilarity,
			maxResults: 10,
		});
		if (matches.length === 0) continue;
		const known = await deps.db
			.select({ providerFaceId: faces.providerFaceId, bib: faces.bib })
			.from(faces)
			.where(
				and(
					eq(faces.eventId, photo.eventId),
					inArray(
						faces.providerFaceId,
						matches.map((m) => m.providerFaceId),
					),
					isNotNull(faces.bib),
				),
			);
		const bibOf = new Map(known.map((k) => [k.providerFaceId, k.bib]));
		const best = matches.find((m) => bibOf.get(m.providerFaceId));
		const bib = best ? bibOf.get(best.providerFaceId) : null;
		if (best && bib) linked.set(bib, Math.max(linked.get(bib) ?? 0, best.similarity));
	}
	if (linked.size > 0) {
		await deps.db
			.insert(photoBibs)
			.values(
				[...linked].map(([bib, similarity]) => ({
					photoId: photo.id,
					eventId: photo.eventId,
					bib,
					confidence: Math.min(100, similarity),
					source: "face_recognition" as const,
				})),
			)
			.onConflictDoNothing();
	}
	return [...linked.keys()];
}
