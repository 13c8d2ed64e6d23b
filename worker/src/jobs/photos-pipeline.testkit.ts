import { randomUUID } from "node:crypto";
import { chargePhoto, originalKey, type Storage } from "@focus-racer/core";
import { type Db, events, photos, type UploadOptions, uploadBatches, users } from "@focus-racer/db";

/** An event with its owner (who has credits) and a batch, as an upload would leave them. */
export async function createEventWithBatch(
	db: Db,
	options: { credits: number; uploadOptions?: Partial<UploadOptions> },
): Promise<{ userId: string; eventId: string; batchId: string; options: UploadOptions }> {
	const [user] = await db
		.insert(users)
		.values({
			email: `pro-${randomUUID()}@test.example`,
			name: "Pro",
			role: "photographer",
			passwordHash: "x",
			creditsBalance: options.credits,
		})
		.returning({ id: users.id });
	if (!user) throw new Error("no user");
	const [event] = await db
		.insert(events)
		.values({ slug: `e-${randomUUID()}`, name: "Race", date: "2026-10-18", place: "Lyon", ownerId: user.id })
		.returning({ id: events.id });
	if (!event) throw new Error("no event");
	const uploadOptions = {
		removeDuplicates: true,
		filterBlurry: true,
		autoRetouch: false,
		smartCrop: false,
		...options.uploadOptions,
	};
	const [batch] = await db
		.insert(uploadBatches)
		.values({ eventId: event.id, uploaderId: user.id, options: uploadOptions, expectedCount: 0 })
		.returning({ id: uploadBatches.id });
	if (!batch) throw new Error("no batch");
	return { userId: user.id, eventId: event.id, batchId: batch.id, options: uploadOptions };
}

/** What the upload route does for one accepted file: original stored, row created, credit taken. */
export async function insertUploadedPhoto(
	db: Db,
	storage: Storage,
	ctx: { userId: string; eventId: string; batchId: string; options: UploadOptions },
	bytes: Buffer,
	createdAt?: Date,
): Promise<string> {
	const photoId = randomUUID();
	const key = originalKey({ eventId: ctx.eventId, photoId, ext: "jpg" });
	await storage.put(key, bytes, { contentType: "image/jpeg" });
	await db.transaction(async (tx) => {
		await tx.insert(photos).values({
			id: photoId,
			eventId: ctx.eventId,
			batchId: ctx.batchId,
			uploaderId: ctx.userId,
			originalFilename: `${photoId}.jpg`,
			originalKey: key,
			bytes: bytes.length,
			mimeType: "image/jpeg",
			options: ctx.options,
			creditCharged: true,
			...(createdAt ? { createdAt } : {}),
		});
		await chargePhoto(tx, { userId: ctx.userId, photoId });
	});
	return photoId;
}
