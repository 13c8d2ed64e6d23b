import type { Storage } from "@focus-racer/core";
import { type Db, events, favorites, photos } from "@focus-racer/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { galleryPhotoColumns, toGalleryPhoto } from "../gallery/gallery-photo.ts";

/** A guest's browser list merged at login can hold at most this many. */
export const maxMergedFavorites = 500;

/** Only photos anyone may see can be saved: ready photos of public events. */
async function visiblePhotoIds(db: Db, photoIds: readonly string[]): Promise<string[]> {
	if (photoIds.length === 0) return [];
	const rows = await db
		.select({ id: photos.id })
		.from(photos)
		.innerJoin(events, eq(events.id, photos.eventId))
		.where(
			and(inArray(photos.id, [...photoIds]), eq(photos.status, "ready"), eq(events.visibility, "public")),
		);
	return rows.map((r) => r.id);
}

/** Saves photos to the account; already saved or no longer visible ones are skipped, not errors. */
export async function addFavorites(
	db: Db,
	userId: string,
	photoIds: readonly string[],
): Promise<{ added: number }> {
	const ids = await visiblePhotoIds(db, [...new Set(photoIds)]);
	if (ids.length === 0) return { added: 0 };
	const inserted = await db
		.insert(favorites)
		.values(ids.map((photoId) => ({ userId, photoId })))
		.onConflictDoNothing()
		.returning({ photoId: favorites.photoId });
	return { added: inserted.length };
}

export async function removeFavorite(db: Db, userId: string, photoId: string): Promise<void> {
	await db.delete(favorites).where(and(eq(favorites.userId, userId), eq(favorites.photoId, photoId)));
}

/** The account's saved photos, newest saved first, with their event for links. */
export async function listFavorites(db: Db, storage: Storage, userId: string) {
	const rows = await db
		.select({
			...galleryPhotoColumns,
			eventId: events.id,
			eventSlug: events.slug,
			eventName: events.name,
			savedAt: favorites.createdAt,
		})
		.from(favorites)
		.innerJoin(photos, eq(photos.id, favorites.photoId))
		.innerJoin(events, eq(events.id, photos.eventId))
		.where(and(eq(favorites.userId, userId), eq(photos.status, "ready")))
		.orderBy(desc(favorites.createdAt))
		.limit(1000);
	return rows.map(({ eventId, eventSlug, eventName, savedAt, ...photo }) => ({
		...toGalleryPhoto(photo, storage),
		event: { id: eventId, slug: eventSlug, name: eventName },
		savedAt,
	}));
}
