import { AppError, requireEventManager } from "@focus-racer/core";
import { type Db, photoBibs, photos } from "@focus-racer/db";
import { and, eq, notInArray } from "drizzle-orm";

/**
 * A pro fixes the bibs of a photo by hand (OCR review): the list given becomes the photo's bibs,
 * each with source `manual` and full confidence; bibs read by OCR that stay keep their source.
 * The photo is marked reviewed, so neither a re-read nor face linking changes the list again.
 */
export async function setPhotoBibs(options: {
	db: Db;
	user: { id: string; role: string };
	photoId: string;
	bibs: string[];
}) {
	const { db } = options;
	const [photo] = await db
		.select({ eventId: photos.eventId })
		.from(photos)
		.where(eq(photos.id, options.photoId));
	if (!photo) throw new AppError("NOT_FOUND", "Photo not found.");
	await requireEventManager(db, { eventId: photo.eventId, user: options.user }).catch(() => {
		throw new AppError("NOT_FOUND", "Photo not found.");
	});
	const bibs = [...new Set(options.bibs)];
	await db.transaction(async (tx) => {
		await tx.update(photos).set({ bibsReviewedAt: new Date() }).where(eq(photos.id, options.photoId));
		const keep = bibs.length ? notInArray(photoBibs.bib, bibs) : undefined;
		await tx.delete(photoBibs).where(and(eq(photoBibs.photoId, options.photoId), keep));
		if (bibs.length) {
			await tx
				.insert(photoBibs)
				.values(
					bibs.map((bib) => ({
						photoId: options.photoId,
						eventId: photo.eventId,
						bib,
						confidence: 100,
						source: "manual" as const,
						createdById: options.user.id,
					})),
				)
				.onConflictDoNothing();
		}
	});
	return { bibs };
}
