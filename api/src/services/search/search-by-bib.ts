import { requirePublicEvent, type Storage } from "@focus-racer/core";
import { type Db, photoBibs, photos, startListEntries } from "@focus-racer/db";
import { and, desc, eq } from "drizzle-orm";
import { galleryPhotoColumns, toGalleryPhoto } from "../gallery/gallery-photo.ts";

/** More photos than any runner gets; the cap keeps one answer bounded. */
const maxPhotos = 1000;

/**
 * A runner's photos by bib (exact match, as printed: "0042" is not "42"), with the name from the
 * start list when the bib is on it. One lookup of photo_bibs_event_bib_idx.
 */
export async function searchByBib(options: {
	db: Db;
	storage: Storage;
	user: { id: string; role: string } | null;
	eventId: string;
	bib: string;
}) {
	const { db, storage, bib } = options;
	const event = await requirePublicEvent(db, { eventId: options.eventId, user: options.user });
	const [runnerRows, rows] = await Promise.all([
		db
			.select({ firstName: startListEntries.firstName, lastName: startListEntries.lastName })
			.from(startListEntries)
			.where(and(eq(startListEntries.eventId, event.id), eq(startListEntries.bib, bib))),
		db
			.select(galleryPhotoColumns)
			.from(photoBibs)
			.innerJoin(photos, eq(photos.id, photoBibs.photoId))
			.where(and(eq(photoBibs.eventId, event.id), eq(photoBibs.bib, bib), eq(photos.status, "ready")))
			.orderBy(desc(photos.createdAt), desc(photos.id))
			.limit(maxPhotos),
	]);
	const runner = runnerRows[0];
	return {
		bib,
		runner: runner ? { firstName: runner.firstName, lastName: runner.lastName } : null,
		photos: rows.map((row) => toGalleryPhoto(row, storage)),
	};
}
