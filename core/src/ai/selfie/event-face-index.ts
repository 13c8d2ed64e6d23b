import { type Db, faces, photos } from "@focus-racer/db";
import { and, count, eq, isNotNull, max } from "drizzle-orm";
import { type EmbeddingMatrix, packEmbeddings } from "../linking/face-similarity.ts";

/** One event's face vectors of one model, packed for a scan, with who each row is. */
export interface EventFaceIndex {
	matrix: EmbeddingMatrix;
	faceIds: string[];
	photoIds: string[];
}

/**
 * Per-process cache of events' face vectors for selfie search. Loading 10 000 × 1024 floats
 * from PostgreSQL takes far longer than scanning them, so the packed matrix is kept and only a
 * cheap check (count and newest face, on the event's index) runs per search: new faces since
 * the last load trigger a reload. At most `maxEvents` events are kept (least recently used go).
 */
export function createEventFaceIndexCache(options: { db: Db; maxEvents?: number }) {
	const maxEvents = options.maxEvents ?? 8;
	const cache = new Map<string, { version: string; index: Promise<EventFaceIndex | null> }>();
	const where = (eventId: string, model: string) =>
		and(eq(faces.eventId, eventId), eq(faces.embeddingModel, model), isNotNull(faces.embedding));

	async function load(eventId: string, model: string): Promise<EventFaceIndex | null> {
		const rows = await options.db
			.select({ id: faces.id, photoId: faces.photoId, embedding: faces.embedding })
			.from(faces)
			.innerJoin(photos, eq(photos.id, faces.photoId))
			.where(and(where(eventId, model), eq(photos.status, "ready")));
		const usable = rows.filter((r): r is typeof r & { embedding: number[] } => Boolean(r.embedding?.length));
		const dims = usable[0]?.embedding.length;
		if (!dims) return null;
		const sized = usable.filter((r) => r.embedding.length === dims);
		return {
			matrix: packEmbeddings(
				sized.map((r) => r.embedding),
				dims,
			),
			faceIds: sized.map((r) => r.id),
			photoIds: sized.map((r) => r.photoId),
		};
	}

	return {
		async get(eventId: string, model: string): Promise<EventFaceIndex | null> {
			const [state] = await options.db
				.select({ n: count(), newest: max(faces.createdAt) })
				.from(faces)
				.where(where(eventId, model));
			const version = `${state?.n ?? 0}:${state?.newest?.toISOString() ?? ""}`;
			const key = `${eventId}:${model}`;
			const cached = cache.get(key);
			if (cached && cached.version === version) {
				cache.delete(key);
				cache.set(key, cached);
				return cached.index;
			}
			const index = load(eventId, model);
			cache.set(key, { version, index });
			index.catch(() => cache.delete(key));
			while (cache.size > maxEvents) {
				const oldest = cache.keys().next().value;
				if (oldest === undefined) break;
				cache.delete(oldest);
			}
			return index;
		},
	};
}

export type EventFaceIndexCache = ReturnType<typeof createEventFaceIndexCache>;
