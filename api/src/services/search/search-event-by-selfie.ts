import {
	type AiEngines,
	type AiSettingsReader,
	AppError,
	type EventFaceIndexCache,
	ImageRejectedError,
	requirePublicEvent,
	type SelfieMatch,
	type Storage,
	searchPhotosBySelfie,
	toAiImage,
} from "@focus-racer/core";
import { type Db, photos } from "@focus-racer/db";
import { and, eq, inArray } from "drizzle-orm";

export interface SelfieSearchDeps {
	db: Db;
	storage: Storage;
	ai: AiEngines;
	aiSettings: AiSettingsReader;
	faceIndex: EventFaceIndexCache;
	maxPixels: number;
}

export interface SelfieSearchResult extends SelfieMatch {
	microUrl: string | null;
	thumbUrl: string | null;
}

/**
 * A runner's selfie in, the event's photos of that runner out, most similar first. Anyone may
 * search a public event; a draft or archived one only its managers (NOT_FOUND otherwise, like
 * every event lookup). Only watermarked derivatives come back, never an original.
 */
export async function searchEventBySelfie(
	deps: SelfieSearchDeps,
	options: { eventId: string; user: { id: string; role: string } | null; selfie: Buffer },
): Promise<SelfieSearchResult[]> {
	const event = await requirePublicEvent(deps.db, { eventId: options.eventId, user: options.user });
	const settings = await deps.aiSettings();
	if (!settings.faceIndexing) {
		throw new AppError("BAD_REQUEST", "Selfie search is turned off on this platform.");
	}
	let selfie: Awaited<ReturnType<typeof toAiImage>>;
	try {
		selfie = await toAiImage(options.selfie, { maxPixels: deps.maxPixels });
	} catch (err) {
		if (err instanceof ImageRejectedError)
			throw new AppError("BAD_REQUEST", "This file is not a photo we can read.");
		throw err;
	}
	const engine = await deps.ai.get(settings.provider);
	const matches = await searchPhotosBySelfie({
		db: deps.db,
		engine,
		faceIndex: deps.faceIndex,
		settings,
		eventId: event.id,
		selfie,
	});
	if (matches.length === 0) return [];
	const rows = await deps.db
		.select({ id: photos.id, microKey: photos.microKey, thumbKey: photos.thumbKey })
		.from(photos)
		.where(
			and(
				eq(photos.eventId, event.id),
				eq(photos.status, "ready"),
				inArray(
					photos.id,
					matches.map((m) => m.photoId),
				),
			),
		);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return matches.flatMap((m) => {
		const row = byId.get(m.photoId);
		if (!row) return [];
		return [
			{
				...m,
				microUrl: row.microKey ? deps.storage.publicUrl(row.microKey) : null,
				thumbUrl: row.thumbKey ? deps.storage.publicUrl(row.thumbKey) : null,
			},
		];
	});
}
