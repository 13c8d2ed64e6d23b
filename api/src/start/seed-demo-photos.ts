import { type Logger, makeDemoRacePhoto, type Storage } from "@focus-racer/core";
import { type Db, events, photos, startListEntries, uploadBatches } from "@focus-racer/db";
import { demoEventSlug } from "@focus-racer/db/seed";
import { and, asc, count, eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { acceptPhotoFile } from "../services/uploads/accept-photo-file.ts";

/**
 * Gives the demo event a living gallery on first start: `count` generated race photos (bibs from
 * its start list, one to three runners each) uploaded as its photographer would, through the
 * real pipeline. Resumable: clientRefs make a restart continue where an interrupted one stopped.
 */
/** The runners (bibs of the start list) on the i-th demo photo: one to three per photo. */
export function demoPhotoBibs(i: number, startList: readonly string[]): string[] {
	const runners = 1 + (i % 3);
	return Array.from({ length: runners }, (_, r) => startList[(i * 7 + r * 13) % startList.length] ?? "1");
}

export async function seedDemoPhotos(options: {
	db: Db;
	storage: Storage;
	queue: PgBoss;
	log: Logger;
	count: number;
	maxPixels: number;
}): Promise<number> {
	const { db, log } = options;
	if (options.count <= 0) return 0;
	const [event] = await db.select().from(events).where(eq(events.slug, demoEventSlug));
	if (!event) return 0;
	let [batch] = await db
		.select()
		.from(uploadBatches)
		.where(and(eq(uploadBatches.eventId, event.id), eq(uploadBatches.uploaderId, event.ownerId)))
		.orderBy(asc(uploadBatches.createdAt))
		.limit(1);
	if (!batch) {
		const [{ n } = { n: 0 }] = await db
			.select({ n: count() })
			.from(photos)
			.where(eq(photos.eventId, event.id));
		if (n > 0) return 0; // someone already uploaded real photos: leave the event alone
		[batch] = await db
			.insert(uploadBatches)
			.values({ eventId: event.id, uploaderId: event.ownerId, expectedCount: options.count })
			.returning();
	}
	if (!batch || batch.receivedCount >= options.count) return 0;
	const bibs = (
		await db
			.select({ bib: startListEntries.bib })
			.from(startListEntries)
			.where(eq(startListEntries.eventId, event.id))
			// A stable order: which runner is on which photo is then known (tests check the reads).
			.orderBy(asc(startListEntries.bib))
	).map((e) => e.bib);
	if (bibs.length === 0) return 0;
	let added = 0;
	for (let i = 0; i < options.count; i++) {
		const photoBibs = demoPhotoBibs(i, bibs);
		const buffer = await makeDemoRacePhoto({ seed: i, bibs: photoBibs });
		const result = await acceptPhotoFile({
			db,
			storage: options.storage,
			queue: options.queue,
			log,
			batch,
			uploaderId: event.ownerId,
			maxPixels: options.maxPixels,
			file: { name: `demo-${String(i + 1).padStart(2, "0")}.jpg`, buffer, clientRef: `demo-${i}` },
		});
		if (result.status === "accepted") added++;
	}
	log.info({ photos: added }, "demo photos queued for the pipeline");
	return added;
}
