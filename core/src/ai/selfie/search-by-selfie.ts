import { type Db, faces, photos } from "@focus-racer/db";
import { and, eq, inArray } from "drizzle-orm";
import type { AiSettings } from "../../settings/ai-settings.ts";
import type { AiEngine, AiImage } from "../ai-engine.ts";
import { similaritiesTo } from "../linking/face-similarity.ts";
import type { EventFaceIndexCache } from "./event-face-index.ts";

export interface SelfieMatch {
	photoId: string;
	/** Percent 0–100 (Rekognition's similarity, or the local cosine × 100). */
	similarity: number;
}

/**
 * The event's photos showing the person of the selfie, most similar first (one entry per photo,
 * its best face). The selfie only lives in memory for the call: it is neither stored nor logged.
 */
export async function searchPhotosBySelfie(options: {
	db: Db;
	engine: AiEngine;
	faceIndex: EventFaceIndexCache;
	settings: AiSettings;
	eventId: string;
	selfie: AiImage;
	maxResults?: number;
}): Promise<SelfieMatch[]> {
	const maxResults = options.maxResults ?? 200;
	const query = await options.engine.selfieQuery(options.selfie, {
		eventId: options.eventId,
		minSimilarity: options.settings.selfieMinSimilarity,
		maxResults,
	});
	if (query.kind === "none") return [];
	const best = new Map<string, number>();
	const keep = (photoId: string, similarity: number) => {
		if (similarity > (best.get(photoId) ?? -1)) best.set(photoId, similarity);
	};
	if (query.kind === "embedding") {
		const index = await options.faceIndex.get(options.eventId, query.embeddingModel);
		if (!index || index.matrix.dims !== query.embedding.length) return [];
		const similarities = similaritiesTo(index.matrix, query.embedding);
		const threshold = options.settings.localSelfieMinCosine;
		similarities.forEach((cosine, row) => {
			const photoId = index.photoIds[row];
			if (photoId && cosine >= threshold) keep(photoId, Math.round(cosine * 1000) / 10);
		});
	} else {
		const ids = query.matches.map((m) => m.providerFaceId);
		if (ids.length === 0) return [];
		const rows = await options.db
			.select({ providerFaceId: faces.providerFaceId, photoId: faces.photoId })
			.from(faces)
			.innerJoin(photos, eq(photos.id, faces.photoId))
			.where(
				and(
					eq(faces.eventId, options.eventId),
					inArray(faces.providerFaceId, ids),
					eq(photos.status, "ready"),
				),
			);
		const photoOf = new Map(rows.map((r) => [r.providerFaceId, r.photoId]));
		for (const match of query.matches) {
			const photoId = photoOf.get(match.providerFaceId);
			if (photoId) keep(photoId, match.similarity);
		}
	}
	return [...best]
		.map(([photoId, similarity]) => ({ photoId, similarity }))
		.sort((a, b) => b.similarity - a.similarity)
		.slice(0, maxResults);
}
