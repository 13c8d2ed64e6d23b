import { randomBytes, randomUUID } from "node:crypto";
import { microKey, originalKey, thumbKey } from "@focus-racer/core";
import { makeTestJpeg } from "@focus-racer/core/testing";
import {
	type EventVisibility,
	events,
	photoBibs,
	photos,
	pricePacks,
	startListEntries,
	users,
} from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { createTestUser, type TestUser } from "./factories.ts";
import type { UploadHarness } from "./upload-harness.ts";

export interface ShopPhoto {
	id: string;
	bibs: string[];
	originalKey: string;
	original: Buffer;
}

export interface ShopEvent {
	owner: TestUser;
	eventId: string;
	slug: string;
	photos: ShopPhoto[];
	packs: { single: string; five: string; all: string };
}

/**
 * A sellable event straight in the database: a start list, the packs of PRODUCT §2 (1 photo
 * 5 €, 5 photos 15 €, all my photos 25 €) and ready photos whose original is a real JPEG in
 * storage (downloads read it back). Much faster than the pipeline for shop tests.
 */
export async function createShopEvent(
	h: UploadHarness,
	options: {
		photos: string[][];
		visibility?: EventVisibility;
		runners?: Array<{ bib: string; firstName: string; lastName: string }>;
		ownerStripeAccount?: string;
	},
): Promise<ShopEvent> {
	const db = h.tdb.db;
	const owner = await createTestUser(db, { role: "photographer" });
	if (options.ownerStripeAccount) {
		await db
			.update(users)
			.set({ stripeAccountId: options.ownerStripeAccount, stripeChargesEnabled: true })
			.where(eq(users.id, owner.id));
	}
	const slug = `shop-${randomBytes(4).toString("hex")}`;
	const [event] = await db
		.insert(events)
		.values({
			slug,
			name: "Shop race",
			date: "2026-10-18",
			place: "Annecy",
			ownerId: owner.id,
			visibility: options.visibility ?? "public",
		})
		.returning({ id: events.id });
	if (!event) throw new Error("event insert returned nothing");
	if (options.runners?.length) {
		await db.insert(startListEntries).values(options.runners.map((r) => ({ eventId: event.id, ...r })));
	}
	const packRows = await db
		.insert(pricePacks)
		.values([
			{ eventId: event.id, name: "1 photo", priceCents: 500, photoCount: 1, sortOrder: 0 },
			{ eventId: event.id, name: "5 photos", priceCents: 1500, photoCount: 5, sortOrder: 1 },
			{ eventId: event.id, name: "All my photos", priceCents: 2500, photoCount: null, sortOrder: 2 },
		])
		.returning({ id: pricePacks.id });
	const shopPhotos: ShopPhoto[] = [];
	// Oldest first, one millisecond apart, so "newest first" has one answer.
	const start = Date.now() - options.photos.length * 1000;
	for (const [i, bibs] of options.photos.entries()) {
		const id = randomUUID();
		const ref = { eventId: event.id, photoId: id };
		const original = await makeTestJpeg({ seed: 900 + i, width: 320, height: 240 });
		const key = originalKey({ ...ref, ext: "jpg" });
		await h.storage.put(key, original, { contentType: "image/jpeg" });
		await db.insert(photos).values({
			id,
			eventId: event.id,
			uploaderId: owner.id,
			originalFilename: `IMG_${1000 + i}.jpg`,
			originalKey: key,
			thumbKey: thumbKey({ ...ref, version: "v1" }),
			microKey: microKey({ ...ref, version: "v1" }),
			status: "ready",
			width: 320,
			height: 240,
			bytes: original.length,
			mimeType: "image/jpeg",
			createdAt: new Date(start + i * 1000),
		});
		if (bibs.length) {
			await db.insert(photoBibs).values(
				bibs.map((bib) => ({
					photoId: id,
					eventId: event.id,
					bib,
					confidence: 99,
					source: "ocr" as const,
				})),
			);
		}
		shopPhotos.push({ id, bibs, originalKey: key, original });
	}
	const [single, five, all] = packRows.map((p) => p.id);
	if (!single || !five || !all) throw new Error("pack insert returned nothing");
	return { owner, eventId: event.id, slug, photos: shopPhotos, packs: { single, five, all } };
}
