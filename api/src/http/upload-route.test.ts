import { makeTestJpeg, oddImageFiles } from "@focus-racer/core/testing";
import { creditTransactions, photoEvents, photos, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../testing/factories.ts";
import { testOrigin } from "../testing/test-app.ts";
import {
	createProWithEvent,
	createUploadHarness,
	loginCookie,
	type UploadHarness,
	uploadFiles,
} from "../testing/upload-harness.ts";

let h: UploadHarness;
let jpegA: Buffer;
let jpegB: Buffer;

beforeAll(async () => {
	h = await createUploadHarness();
	[jpegA, jpegB] = await Promise.all([makeTestJpeg({ seed: 1 }), makeTestJpeg({ seed: 2 })]);
});
afterAll(() => h.close());

async function balanceOf(userId: string): Promise<number> {
	const [row] = await h.tdb.db.select({ b: users.creditsBalance }).from(users).where(eq(users.id, userId));
	return row?.b ?? Number.NaN;
}

async function queuedPhotoJobs(): Promise<string[]> {
	const rows = await h.tdb.sql<
		{ data: { photoId: string } }[]
	>`select data from pgboss.job where name = 'photos.process'`;
	return rows.map((r) => r.data.photoId);
}

describe("POST /api/events/:eventId/photos", () => {
	it("stores each good file, charges 1 credit each, queues it, and rejects a bad file alone", async () => {
		const pro = await createProWithEvent(h, { credits: 10 });
		const { status, body } = await uploadFiles(h, {
			eventId: pro.eventId,
			cookie: pro.cookie,
			files: [
				{ name: "a.jpg", bytes: jpegA },
				{ name: "notes.jpg", bytes: Buffer.from("this is not a photo") },
				{ name: "b.jpg", bytes: jpegB },
			],
		});
		expect(status).toBe(200);
		expect(body.results.map((r) => [r.name, r.status])).toEqual([
			["a.jpg", "accepted"],
			["notes.jpg", "rejected"],
			["b.jpg", "accepted"],
		]);
		expect(body.results[1]?.reason).toBe("not_an_image");
		expect(body.results[1]?.message).toBeTruthy();
		expect(await balanceOf(pro.user.id)).toBe(8);

		const ids = body.results.flatMap((r) => (r.photoId ? [r.photoId] : []));
		const rows = await h.tdb.db.select().from(photos).where(eq(photos.eventId, pro.eventId));
		expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
		for (const row of rows) {
			expect(row.status).toBe("uploaded");
			expect(row.creditCharged).toBe(true);
			expect(row.originalKey).toMatch(new RegExp(`^events/${pro.eventId}/originals/${row.id}\\.jpg$`));
			expect(await h.storage.getBuffer(row.originalKey)).toEqual(
				row.originalFilename === "a.jpg" ? jpegA : jpegB,
			);
		}
		const charges = await h.tdb.db
			.select()
			.from(creditTransactions)
			.where(eq(creditTransactions.userId, pro.user.id));
		expect(charges.map((c) => [c.kind, c.amount]).sort()).toEqual([
			["photo_charge", -1],
			["photo_charge", -1],
		]);
		expect(await queuedPhotoJobs()).toEqual(expect.arrayContaining(ids));
		const progress = await h.tdb.db.select().from(photoEvents).where(eq(photoEvents.batchId, body.batchId));
		expect(progress.map((p) => p.status)).toEqual(["uploaded", "uploaded"]);
	});

	it("answers a retried chunk with the same photos and charges nothing twice", async () => {
		const pro = await createProWithEvent(h, { credits: 5 });
		const files = [
			{ name: "a.jpg", bytes: jpegA, clientRef: "f1" },
			{ name: "b.jpg", bytes: jpegB, clientRef: "f2" },
		];
		const first = await uploadFiles(h, { eventId: pro.eventId, cookie: pro.cookie, files, count: 2 });
		const again = await uploadFiles(h, {
			eventId: pro.eventId,
			cookie: pro.cookie,
			files,
			batchId: first.body.batchId,
		});
		expect(again.body.results.map((r) => r.photoId)).toEqual(first.body.results.map((r) => r.photoId));
		expect(await balanceOf(pro.user.id)).toBe(3);
		expect(await h.tdb.db.select().from(photos).where(eq(photos.eventId, pro.eventId))).toHaveLength(2);
	});

	it("refuses up front when the balance cannot cover the files, and stops charging at zero", async () => {
		const pro = await createProWithEvent(h, { credits: 1 });
		const refused = await uploadFiles(h, {
			eventId: pro.eventId,
			cookie: pro.cookie,
			count: 2,
			files: [
				{ name: "a.jpg", bytes: jpegA },
				{ name: "b.jpg", bytes: jpegB },
			],
		});
		expect(refused.status).toBe(402);
		expect(refused.body.error?.message).toMatch(/needs 2 credits and your balance is 1/);
		expect(await h.tdb.db.select().from(photos).where(eq(photos.eventId, pro.eventId))).toHaveLength(0);

		// A batch opened for 1 photo that receives 2: the second finds an empty balance.
		const over = await uploadFiles(h, {
			eventId: pro.eventId,
			cookie: pro.cookie,
			files: [
				{ name: "a.jpg", bytes: jpegA },
				{ name: "b.jpg", bytes: jpegB },
			],
		});
		expect(over.body.results.map((r) => r.status)).toEqual(["accepted", "rejected"]);
		expect(over.body.results[1]?.reason).toBe("no_credits");
		expect(await balanceOf(pro.user.id)).toBe(0);
		expect(await h.storage.list(`events/${pro.eventId}/originals/`)).toHaveLength(1);
	});

	it("opens a batch through tRPC with the credit check", async () => {
		const pro = await createProWithEvent(h, { credits: 3 });
		const call = (expectedCount: number) =>
			h.app.request(`${testOrigin}/trpc/uploads.create`, {
				method: "POST",
				headers: { "content-type": "application/json", origin: testOrigin, cookie: pro.cookie },
				body: JSON.stringify({ eventId: pro.eventId, expectedCount }),
			});
		expect((await call(4)).status).toBe(402);
		const ok = await call(3);
		expect(ok.status).toBe(200);
		const { result } = (await ok.json()) as { result: { data: { batchId: string } } };
		const up = await uploadFiles(h, {
			eventId: pro.eventId,
			cookie: pro.cookie,
			batchId: result.data.batchId,
			files: [{ name: "a.jpg", bytes: jpegA }],
		});
		expect(up.body.batchId).toBe(result.data.batchId);
		expect(up.body.accepted).toBe(1);
	});

	it("lets only the event's managers upload", async () => {
		const owner = await createProWithEvent(h, { credits: 5 });
		const other = await createProWithEvent(h, { credits: 5 });
		const runner = await createTestUser(h.tdb.db, { role: "runner" });
		const files = [{ name: "a.jpg", bytes: jpegA }];
		expect((await uploadFiles(h, { eventId: owner.eventId, cookie: other.cookie, files })).status).toBe(404);
		expect(
			(await uploadFiles(h, { eventId: owner.eventId, cookie: await loginCookie(h.app, runner), files }))
				.status,
		).toBe(404);
		expect((await uploadFiles(h, { eventId: owner.eventId, files })).status).toBe(401);
		expect((await uploadFiles(h, { eventId: "not-a-uuid", cookie: owner.cookie, files })).status).toBe(404);
		expect(await balanceOf(other.user.id)).toBe(5);
		expect(await h.tdb.db.select().from(photos).where(eq(photos.eventId, owner.eventId))).toHaveLength(0);
	});
});

describe("a batch of awkward files", () => {
	it("gives each file its own outcome and goes on with the rest", async () => {
		const files = await oddImageFiles();
		const pro = await createProWithEvent(h, { credits: 20 });
		const { status, body } = await uploadFiles(h, {
			eventId: pro.eventId,
			cookie: pro.cookie,
			files: Object.entries(files).map(([name, bytes]) => ({ name, bytes })),
		});
		expect(status).toBe(200);
		const outcome = Object.fromEntries(
			body.results.map((r) => [r.name, r.status === "accepted" ? "accepted" : r.reason]),
		);
		expect(outcome).toEqual({
			"empty.jpg": "empty",
			"truncated.jpg": "corrupt",
			"notes.jpg": "not_an_image",
			"bomb.png": "too_many_pixels",
			"animated.gif": "animated",
			"cmyk.jpg": "accepted",
			"deep.png": "accepted",
			"rotated.jpg": "accepted",
			"good.jpg": "accepted",
		});
		for (const r of body.results.filter((x) => x.status === "rejected"))
			expect(r.message?.length).toBeGreaterThan(10);
		// Only the four accepted files cost a credit.
		expect(await balanceOf(pro.user.id)).toBe(16);
		const [rotated] = await h.tdb.db
			.select({ width: photos.width, height: photos.height })
			.from(photos)
			.where(eq(photos.originalFilename, "rotated.jpg"));
		expect(rotated).toEqual({ width: 800, height: 1200 }); // EXIF orientation 6: portrait
	});
});
