import { requirePublicEvent, type Storage } from "@focus-racer/core";
import { type Db, photos } from "@focus-racer/db";
import { and, desc, eq } from "drizzle-orm";
import { olderThanCursor, photoCursor, photoCursorColumn } from "../photos/photo-cursor.ts";
import { galleryPhotoColumns, toGalleryPhoto } from "./gallery-photo.ts";

export interface ListGalleryPhotosOptions {
	db: Db;
	storage: Storage;
	user: { id: string; role: string } | null;
	eventId: string;
	cursor?: string | undefined;
	limit: number;
}

/**
 * An event's public gallery: its ready photos, newest first, a page at a time (infinite scroll).
 * One range scan of photos_event_status_created_idx per page, whatever the event's size.
 */
export async function listGalleryPhotos(options: ListGalleryPhotosOptions) {
	const { db, storage } = options;
	const event = await requirePublicEvent(db, { eventId: options.eventId, user: options.user });
	const rows = await db
		.select({ ...galleryPhotoColumns, cursorAt: photoCursorColumn })
		.from(photos)
		.where(and(eq(photos.eventId, event.id), eq(photos.status, "ready"), olderThanCursor(options.cursor)))
		.orderBy(desc(photos.createdAt), desc(photos.id))
		.limit(options.limit + 1);
	const page = rows.slice(0, options.limit);
	const last = page.at(-1);
	return {
		photos: page.map((row) => toGalleryPhoto(row, storage)),
		nextCursor: rows.length > options.limit && last ? photoCursor(last) : null,
	};
}
