import { AppError, requireEventManager, type Storage } from "@focus-racer/core";
import { type Db, photos } from "@focus-racer/db";
import { eq } from "drizzle-orm";

/** Deletes the row (bibs, faces and progress cascade) and then every stored file of the photo. */
export async function deletePhoto(options: {
	db: Db;
	storage: Storage;
	user: { id: string; role: string };
	photoId: string;
}) {
	const { db, storage } = options;
	const [photo] = await db.select().from(photos).where(eq(photos.id, options.photoId));
	if (!photo) throw new AppError("NOT_FOUND", "Photo not found.");
	await requireEventManager(db, { eventId: photo.eventId, user: options.user }).catch(() => {
		throw new AppError("NOT_FOUND", "Photo not found.");
	});
	await db.delete(photos).where(eq(photos.id, photo.id));
	const keys = [photo.originalKey, photo.webKey, photo.thumbKey, photo.microKey, photo.aiInputKey].filter(
		(k): k is string => Boolean(k),
	);
	await storage.deleteMany(keys);
	return { ok: true as const };
}
