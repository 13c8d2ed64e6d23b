import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client.ts";
import {
	creditTransactions,
	downloadTokens,
	events,
	faceClusters,
	faces,
	marketplaceListings,
	marketplaceReviews,
	orderItems,
	orders,
	photoBibs,
	photoEvents,
	photos,
	pricePacks,
	startListEntries,
	stripeEvents,
	type UserRole,
	uploadBatches,
	users,
} from "./schema/index.ts";
import { createTestDatabase, type TestDatabase } from "./testing/test-database.ts";

let test: TestDatabase;
let db: Db;

beforeAll(async () => {
	test = await createTestDatabase();
	db = test.db;
});
afterAll(async () => {
	await test.close();
});

function first<T>(rows: T[]): T {
	const [row] = rows;
	if (row === undefined) throw new Error("expected a row");
	return row;
}

async function createUser(role: UserRole): Promise<string> {
	const email = `${role}-${randomBytes(5).toString("hex")}@test.example`;
	const row = first(
		await db
			.insert(users)
			.values({ email, name: `Test ${role}`, role, passwordHash: "not-a-real-hash" })
			.returning({ id: users.id }),
	);
	return row.id;
}

async function createEvent(ownerId: string): Promise<string> {
	const row = first(
		await db
			.insert(events)
			.values({
				slug: `race-${randomBytes(4).toString("hex")}`,
				name: "Trail des Crêtes",
				date: "2026-06-14",
				place: "Annecy",
				sportType: "trail",
				ownerId,
			})
			.returning({ id: events.id }),
	);
	return row.id;
}

async function createPhoto(
	eventId: string,
	values: Partial<typeof photos.$inferInsert> = {},
): Promise<string> {
	const id = crypto.randomUUID();
	await db.insert(photos).values({
		id,
		eventId,
		originalFilename: "IMG_0001.JPG",
		originalKey: `events/${eventId}/originals/${id}.jpg`,
		bytes: 1_234_567,
		mimeType: "image/jpeg",
		...values,
	});
	return id;
}

/** The Postgres SQLSTATE of a failed query (drizzle may wrap the driver's error in `cause`). */
async function errorCode(query: PromiseLike<unknown>): Promise<string | undefined> {
	try {
		await query;
	} catch (error) {
		const withCode = (e: unknown): string | undefined =>
			typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;
		const cause = error instanceof Error ? error.cause : undefined;
		return withCode(error) ?? withCode(cause) ?? "no-code";
	}
	return undefined;
}

describe("schema", () => {
	it("stores a whole chain user → event → photo → bib → face → order → items and reads it back through relations", async () => {
		const photographerId = await createUser("photographer");
		const runnerId = await createUser("runner");
		const eventId = await createEvent(photographerId);
		const entry = first(
			await db
				.insert(startListEntries)
				.values({ eventId, bib: "0042", firstName: "Léa", lastName: "Martin", category: "SEF" })
				.returning(),
		);
		const pack = first(
			await db
				.insert(pricePacks)
				.values({ eventId, name: "Toutes mes photos", priceCents: 2500 })
				.returning(),
		);
		const batch = first(
			await db
				.insert(uploadBatches)
				.values({ eventId, uploaderId: photographerId, expectedCount: 1, timingPoint: "finish" })
				.returning(),
		);
		// High bit set: the one a bigint would turn negative, and a JSON number would round.
		const phash = "f0e1d2c3b4a59687";
		const photoId = await createPhoto(eventId, {
			batchId: batch.id,
			uploaderId: photographerId,
			clientRef: "file-1",
			status: "ready",
			phash,
			width: 2400,
			height: 1600,
			takenAt: new Date("2026-06-14T09:31:07+02:00"),
			webKey: `events/${eventId}/web/x.webp`,
		});
		await db.insert(photoBibs).values({
			photoId,
			eventId,
			bib: "0042",
			confidence: 97.5,
			source: "ocr",
			bboxX: 0.4,
			bboxY: 0.5,
			bboxWidth: 0.1,
			bboxHeight: 0.05,
			startListEntryId: entry.id,
		});
		const embedding = [0.5, -0.25, 0.125, 1];
		const face = first(
			await db
				.insert(faces)
				.values({
					photoId,
					eventId,
					bboxX: 0.3,
					bboxY: 0.1,
					bboxWidth: 0.2,
					bboxHeight: 0.25,
					confidence: 99.1,
					embedding,
					embeddingModel: "local/test",
					bib: "0042",
					emotions: { happy: 0.9 },
				})
				.returning(),
		);
		const cluster = first(
			await db
				.insert(faceClusters)
				.values({ eventId, representativeFaceId: face.id, bib: "0042", faceCount: 1 })
				.returning(),
		);
		await db.update(faces).set({ clusterId: cluster.id }).where(eq(faces.id, face.id));
		await db.insert(photoEvents).values({ photoId, eventId, batchId: batch.id, status: "ready" });

		const order = first(
			await db
				.insert(orders)
				.values({
					eventId,
					buyerId: runnerId,
					buyerEmail: "lea@test.example",
					sellerId: photographerId,
					subtotalCents: 2500,
					serviceFeeCents: 100,
					totalCents: 2600,
					stripePaymentIntentId: `pi_${randomBytes(6).toString("hex")}`,
				})
				.returning(),
		);
		const packItem = first(
			await db
				.insert(orderItems)
				.values({
					orderId: order.id,
					kind: "pack",
					pricePackId: pack.id,
					label: pack.name,
					bib: "0042",
					unitPriceCents: 2500,
				})
				.returning(),
		);
		await db.insert(orderItems).values({
			orderId: order.id,
			kind: "photo",
			photoId,
			packItemId: packItem.id,
			label: "IMG_0001.JPG",
			unitPriceCents: 0,
		});
		await db.insert(downloadTokens).values({
			orderId: order.id,
			tokenHash: randomBytes(32).toString("hex"),
			expiresAt: new Date(Date.now() + 86_400_000),
		});

		const event = await db.query.events.findFirst({
			where: eq(events.id, eventId),
			with: {
				owner: true,
				pricePacks: true,
				photos: {
					with: {
						batch: true,
						bibs: { with: { startListEntry: true } },
						faces: { with: { cluster: true } },
						progress: true,
					},
				},
				orders: {
					with: {
						buyer: true,
						seller: true,
						downloadTokens: true,
						items: { with: { photo: true, pricePack: true, packPhotos: true } },
					},
				},
			},
		});
		expect(event?.owner.id).toBe(photographerId);
		expect(event?.pricePacks.map((p) => p.photoCount)).toEqual([null]);
		const photo = event?.photos[0];
		expect(photo?.phash).toBe(phash);
		expect(photo?.options).toEqual({
			removeDuplicates: true,
			filterBlurry: true,
			autoRetouch: false,
			smartCrop: false,
		});
		expect(photo?.batch?.timingPoint).toBe("finish");
		expect(photo?.bibs[0]?.startListEntry?.lastName).toBe("Martin");
		expect(photo?.faces[0]?.embedding).toEqual(embedding);
		expect(photo?.faces[0]?.cluster?.bib).toBe("0042");
		expect(photo?.progress.map((p) => p.status)).toEqual(["ready"]);
		const readOrder = event?.orders[0];
		expect(readOrder?.buyer?.id).toBe(runnerId);
		expect(readOrder?.seller?.id).toBe(photographerId);
		expect(readOrder?.downloadTokens).toHaveLength(1);
		const readPack = readOrder?.items.find((i) => i.kind === "pack");
		expect(readPack?.pricePack?.name).toBe("Toutes mes photos");
		expect(readPack?.packPhotos.map((i) => i.photoId)).toEqual([photoId]);
		expect(readOrder?.items.find((i) => i.kind === "photo")?.photo?.id).toBe(photoId);
	});

	it("finds near-duplicates in SQL through the hex perceptual hash (Hamming distance)", async () => {
		const eventId = await createEvent(await createUser("photographer"));
		const hex = (h: bigint) => BigInt.asUintN(64, h).toString(16).padStart(16, "0");
		const base = 0x8000_0000_0000_00ffn;
		const near = await createPhoto(eventId, { phash: hex(base ^ 0b1011n) }); // 3 bits apart
		await createPhoto(eventId, { phash: hex(~base) }); // 64 bits apart
		await createPhoto(eventId); // no hash yet
		const rows = await db
			.select({ id: photos.id })
			.from(photos)
			.where(
				sql`${photos.eventId} = ${eventId}
					and bit_count(('x' || ${photos.phash})::bit(64) # ('x' || ${hex(base)})::bit(64)) <= 5`,
			);
		expect(rows.map((r) => r.id)).toEqual([near]);
		expect(await errorCode(createPhoto(eventId, { phash: "F0E1D2C3B4A59687" }))).toBe("23514");
		expect(await errorCode(createPhoto(eventId, { phash: "abc" }))).toBe("23514");
	});

	it("deleting an event cascades to its photos, bibs, faces and progress, and keeps its orders", async () => {
		const ownerId = await createUser("photographer");
		const eventId = await createEvent(ownerId);
		const photoId = await createPhoto(eventId);
		await db.insert(photoBibs).values({ photoId, eventId, bib: "7", confidence: 80, source: "ocr" });
		const face = first(
			await db
				.insert(faces)
				.values({ photoId, eventId, bboxX: 0, bboxY: 0, bboxWidth: 0.1, bboxHeight: 0.1, confidence: 90 })
				.returning(),
		);
		await db.insert(faceClusters).values({ eventId, representativeFaceId: face.id });
		await db.insert(photoEvents).values({ photoId, eventId, status: "uploaded" });
		const order = first(
			await db
				.insert(orders)
				.values({ eventId, buyerEmail: "guest@test.example", subtotalCents: 500, totalCents: 500 })
				.returning(),
		);
		await db.insert(orderItems).values({
			orderId: order.id,
			kind: "photo",
			photoId,
			label: "IMG_0001.JPG",
			unitPriceCents: 500,
		});

		await db.delete(events).where(eq(events.id, eventId));

		const count = async (table: "photos" | "photo_bibs" | "faces" | "face_clusters" | "photo_events") => {
			const [row] = await test.sql<{ n: number }[]>`
				select count(*)::int as n from ${test.sql(table)} where event_id = ${eventId}`;
			return row?.n;
		};
		expect(await count("photos")).toBe(0);
		expect(await count("photo_bibs")).toBe(0);
		expect(await count("faces")).toBe(0);
		expect(await count("face_clusters")).toBe(0);
		expect(await count("photo_events")).toBe(0);
		const kept = await db.query.orders.findFirst({ where: eq(orders.id, order.id), with: { items: true } });
		expect(kept?.eventId).toBeNull();
		expect(kept?.items.map((i) => i.photoId)).toEqual([null]);
	});

	it("deleting a user removes what they own and unlinks what others keep", async () => {
		const photographerId = await createUser("photographer");
		const adminId = await createUser("admin");
		const eventId = await createEvent(photographerId);
		await createPhoto(eventId, { uploaderId: photographerId });
		await db.insert(creditTransactions).values({
			userId: photographerId,
			amount: 50,
			kind: "admin_adjustment",
			balanceAfter: 50,
			createdById: adminId,
		});
		const order = first(
			await db
				.insert(orders)
				.values({
					sellerId: photographerId,
					buyerEmail: "guest@test.example",
					subtotalCents: 500,
					totalCents: 500,
				})
				.returning(),
		);

		await db.delete(users).where(eq(users.id, photographerId));

		expect(await db.query.events.findFirst({ where: eq(events.id, eventId) })).toBeUndefined();
		expect(
			await db.select().from(creditTransactions).where(eq(creditTransactions.userId, photographerId)),
		).toEqual([]);
		const kept = await db.query.orders.findFirst({ where: eq(orders.id, order.id) });
		expect(kept?.sellerId).toBeNull();
	});

	it("charges a photo at most once: a second photo_charge for the same photo is rejected", async () => {
		const userId = await createUser("photographer");
		const photoId = await createPhoto(await createEvent(userId));
		const charge = {
			userId,
			amount: -1,
			kind: "photo_charge",
			reference: photoId,
			balanceAfter: 99,
		} as const;
		await db.insert(creditTransactions).values(charge);
		expect(await errorCode(db.insert(creditTransactions).values({ ...charge, balanceAfter: 98 }))).toBe(
			"23505",
		);
		// What the worker does on a retry: nothing is inserted, so nothing is debited.
		const retried = await db.insert(creditTransactions).values(charge).onConflictDoNothing().returning();
		expect(retried).toEqual([]);
		// Other kinds may reference the same id (a refund of that photo), and admin adjustments need none.
		await db.insert(creditTransactions).values({ ...charge, kind: "refund", amount: 1, balanceAfter: 100 });
		await db
			.insert(creditTransactions)
			.values({ userId, amount: 10, kind: "admin_adjustment", balanceAfter: 110 });
		await db
			.insert(creditTransactions)
			.values({ userId, amount: 10, kind: "admin_adjustment", balanceAfter: 120 });
		const rows = await db.select().from(creditTransactions).where(eq(creditTransactions.userId, userId));
		expect(rows).toHaveLength(4);
		expect(
			await errorCode(db.insert(creditTransactions).values({ ...charge, amount: 0, reference: "x" })),
		).toBe("23514");
	});

	it("records a Stripe event once: a replayed webhook is rejected", async () => {
		const id = `evt_${randomBytes(8).toString("hex")}`;
		await db.insert(stripeEvents).values({ id, type: "payment_intent.succeeded" });
		expect(await errorCode(db.insert(stripeEvents).values({ id, type: "payment_intent.succeeded" }))).toBe(
			"23505",
		);
	});

	it("rejects a second order for the same PaymentIntent", async () => {
		const paymentIntent = `pi_${randomBytes(6).toString("hex")}`;
		const values = {
			buyerEmail: "guest@test.example",
			subtotalCents: 500,
			totalCents: 500,
			stripePaymentIntentId: paymentIntent,
		};
		await db.insert(orders).values(values);
		expect(await errorCode(db.insert(orders).values(values))).toBe("23505");
		// The total must be subtotal + service fee.
		expect(
			await errorCode(db.insert(orders).values({ ...values, stripePaymentIntentId: null, totalCents: 1 })),
		).toBe("23514");
	});

	it("keeps review ratings between 1 and 5, once per listing and pair", async () => {
		const organizerId = await createUser("organizer");
		const photographerId = await createUser("photographer");
		const listing = first(
			await db
				.insert(marketplaceListings)
				.values({ organizerId, title: "Marathon photographers", date: "2026-10-04", place: "Lyon" })
				.returning(),
		);
		const review = { listingId: listing.id, reviewerId: organizerId, revieweeId: photographerId };
		expect(await errorCode(db.insert(marketplaceReviews).values({ ...review, rating: 6 }))).toBe("23514");
		expect(await errorCode(db.insert(marketplaceReviews).values({ ...review, rating: 0 }))).toBe("23514");
		await db.insert(marketplaceReviews).values({ ...review, rating: 5, comment: "Superbes photos" });
		expect(await errorCode(db.insert(marketplaceReviews).values({ ...review, rating: 4 }))).toBe("23505");
	});

	it("requires a rejection reason exactly when a photo is rejected", async () => {
		const eventId = await createEvent(await createUser("photographer"));
		expect(await errorCode(createPhoto(eventId, { status: "rejected" }))).toBe("23514");
		expect(await errorCode(createPhoto(eventId, { status: "ready", rejectionReason: "blurry" }))).toBe(
			"23514",
		);
		await createPhoto(eventId, { status: "rejected", rejectionReason: "duplicate" });
	});
});
