import { type AiEngines, AppError, requireEventManager, type Storage } from "@focus-racer/core";
import { type Db, faces, photos } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { forgetGalleryPages } from "../gallery/gallery-page-cache.ts";

/**
 * Deletes the row (bibs, faces and progress cascade), then every stored file of the photo
 * (smart crops included), then its faces in the provider's index (Rekognition keeps its own
 * copy of each face, which must not outlive the photo).
 */
export async function deletePhoto(options: {
	db: Db;
	storage: Storage;
	ai?: AiEngines;
	user: { id: string; role: string };
	photoId: string;
}) {
	const { db, storage } = options;
	const [photo] = await db.select().from(photos).where(eq(photos.id, options.photoId));
	if (!photo) throw new AppError("NOT_FOUND", "Photo not found.");
	await requireEventManager(db, { eventId: photo.eventId, user: options.user }).catch(() => {
		throw new AppError("NOT_FOUND", "Photo not found.");
	});
	const photoFaces = await db
		.select({ cropKey: faces.cropKey, providerFaceId: faces.providerFaceId })
		.from(faces)
		.where(eq(faces.photoId, photo.id));
	await db.delete(photos).where(eq(photos.id, photo.id));
	forgetGalleryPages(db, photo.eventId);
	const keys = [
		photo.originalKey,
		photo.webKey,
		photo.thumbKey,
		photo.microKey,
		photo.aiInputKey,
		...photoFaces.map((f) => f.cropKey),
	].filter((k): k is string => Boolean(k));
	await storage.deleteMany(keys);
	const providerFaceIds = photoFaces.map((f) => f.providerFaceId).filter((id): id is string => Boolean(id));
	if (providerFaceIds.length > 0 && options.ai) {
		const engine = await options.ai.get("rekognition");
		await engine.deleteFaces(photo.eventId, providerFaceIds);
	}
	return { ok: true as const };
}
