import { requireEventManager, type Storage } from "@focus-racer/core";
import { type Db, type PhotoStatus, photoBibs, photos } from "@focus-racer/db";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { olderThanCursor, photoCursor, photoCursorColumn } from "./photo-cursor.ts";

export interface ListEventPhotosOptions {
	db: Db;
	storage: Storage;
	user: { id: string; role: string };
	eventId: string;
	status?: PhotoStatus | undefined;
	/** From the previous page's `nextCursor` (photo-cursor.ts). */
	cursor?: string | undefined;
	limit: number;
}

/** The pro's grid of an event: newest first, micro thumbnails, bibs, state and its reason. */
export async function listEventPhotos(options: ListEventPhotosOptions) {
	const { db, storage } = options;
	await requireEventManager(db, { eventId: options.eventId, user: options.user });
	const filters: SQL[] = [eq(photos.eventId, options.eventId)];
	if (options.status) filters.push(eq(photos.status, options.status));
	const older = olderThanCursor(options.cursor);
	if (older) filters.push(older);
	const rows = await db
		.select({
			id: photos.id,
			status: photos.status,
			statusReason: photos.statusReason,
			rejectionReason: photos.rejectionReason,
			originalFilename: photos.originalFilename,
			microKey: photos.microKey,
			thumbKey: photos.thumbKey,
			width: photos.width,
			height: photos.height,
			takenAt: photos.takenAt,
			createdAt: photos.createdAt,
			cursorAt: photoCursorColumn,
		})
		.from(photos)
		.where(and(...filters))
		.orderBy(desc(photos.createdAt), desc(photos.id))
		.limit(options.limit + 1);
	const page = rows.slice(0, options.limit);
	const bibs = page.length
		? await db
				.select({
					photoId: photoBibs.photoId,
					bib: photoBibs.bib,
					source: photoBibs.source,
					confidence: photoBibs.confidence,
				})
				.from(photoBibs)
				.where(
					inArray(
						photoBibs.photoId,
						page.map((p) => p.id),
					),
				)
		: [];
	const last = page.at(-1);
	return {
		photos: page.map(({ microKey, thumbKey, cursorAt: _, ...p }) => ({
			...p,
			microUrl: microKey ? storage.publicUrl(microKey) : null,
			thumbUrl: thumbKey ? storage.publicUrl(thumbKey) : null,
			bibs: bibs.filter((b) => b.photoId === p.id).map(({ photoId: _, ...b }) => b),
		})),
		nextCursor: rows.length > options.limit && last ? photoCursor(last) : null,
	};
}
