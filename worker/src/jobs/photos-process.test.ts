import { ensureQueues } from "@focus-racer/core";
import { makeTestJpeg } from "@focus-racer/core/testing";
import { creditTransactions, photoEvents, photos, platformSettings, users } from "@focus-racer/db";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	createEventWithBatch,
	createJobTestContext,
	insertUploadedPhoto,
	type JobTestContext,
} from "./photos-pipeline.testkit.ts";
import { processPhotoJob } from "./photos-process.ts";
import { requeueStuckPhotos } from "./photos-requeue-stuck.ts";

let job: JobTestContext;
let tdb: JobTestContext["tdb"];
let storage: JobTestContext["storage"];
let boss: JobTestContext["boss"];
let deps: JobTestContext["deps"];
const run = { id: "test", retryCount: 0, signal: new AbortController().signal };

beforeAll(async () => {
	// The real local engine: the offline default path, models loaded once for the file.
	job = await createJobTestContext();
	({ tdb, storage, boss, deps } = job);
});
afterAll(async () => {
	await job?.close();
});

async function photo(id: string) {
	const [row] = await tdb.db.select().from(photos).where(eq(photos.id, id));
	if (!row) throw new Error("photo missing");
	return row;
}

async function balance(userId: string) {
	const [row] = await tdb.db.select({ b: users.creditsBalance }).from(users).where(eq(users.id, userId));
	return row?.b;
}

describe("photos.process", () => {
	it("turns an uploaded photo into a ready one with its three derivatives", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 5 });
		const id = await insertUploadedPhoto(
			tdb.db,
			storage,
			ctx,
			await makeTestJpeg({ seed: 11, width: 2400, height: 1600 }),
		);
		expect(await processPhotoJob({ photoId: id }, deps, run)).toMatchObject({ ready: true });
		const row = await photo(id);
		expect(row.status).toBe("ready");
		expect(row.phash).toMatch(/^[0-9a-f]{16}$/);
		expect(row.blurScore).toBeGreaterThan(30);
		expect([row.width, row.height]).toEqual([2400, 1600]);
		for (const key of [row.webKey, row.thumbKey, row.microKey]) {
			expect(key).toMatch(new RegExp(`^events/${ctx.eventId}/(web|thumbs|micro)/${id}-[0-9a-f]{10}\\.webp$`));
			const bytes = await storage.getBuffer(key ?? "");
			expect(bytes.subarray(8, 12).toString("ascii")).toBe("WEBP");
		}
		const steps = await tdb.db
			.select({ status: photoEvents.status, step: photoEvents.step })
			.from(photoEvents)
			.where(eq(photoEvents.photoId, id))
			.orderBy(asc(photoEvents.id));
		expect(steps.map((s) => s.status)).toEqual(["processing", "processing", "ready"]);
		expect(steps[1]?.step).toBe("ai");
		expect(await balance(ctx.userId)).toBe(4);
	});

	it("is idempotent: a second run changes no row, no file and no credit", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 5 });
		const id = await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 12 }));
		await processPhotoJob({ photoId: id }, deps, run);
		const before = { row: await photo(id), files: await storage.list(`events/${ctx.eventId}/`) };
		// A redelivered job for a final photo is skipped; a reprocess regenerates the same keys.
		expect(await processPhotoJob({ photoId: id }, deps, run)).toEqual({ skipped: "already ready" });
		await processPhotoJob({ photoId: id, step: "all" }, deps, run);
		const after = await photo(id);
		expect([after.webKey, after.thumbKey, after.microKey, after.phash]).toEqual([
			before.row.webKey,
			before.row.thumbKey,
			before.row.microKey,
			before.row.phash,
		]);
		expect(await storage.list(`events/${ctx.eventId}/`)).toEqual(before.files);
		expect(await balance(ctx.userId)).toBe(4);
	});

	it("rejects a near-duplicate of an earlier photo, keeps its credit, and stores no derivative", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 5 });
		const first = await insertUploadedPhoto(
			tdb.db,
			storage,
			ctx,
			await makeTestJpeg({ seed: 13, quality: 92 }),
			new Date(Date.now() - 1000),
		);
		const copy = await insertUploadedPhoto(
			tdb.db,
			storage,
			ctx,
			await makeTestJpeg({ seed: 13, quality: 70 }),
		);
		const other = await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 14 }));
		for (const id of [first, copy, other]) await processPhotoJob({ photoId: id }, deps, run);
		const rows = await Promise.all([first, copy, other].map(photo));
		expect(rows.map((r) => r.status)).toEqual(["ready", "rejected", "ready"]);
		expect(rows[1]?.rejectionReason).toBe("duplicate");
		expect(rows[1]?.duplicateOfId).toBe(first);
		expect([rows[1]?.webKey, rows[1]?.thumbKey, rows[1]?.microKey]).toEqual([null, null, null]);
		expect((await storage.list(`events/${ctx.eventId}/micro/`)).some((k) => k.includes(copy))).toBe(false);
		expect(await balance(ctx.userId)).toBe(2);
	});

	it("keeps near-duplicates when the pro turned deduplication off", async () => {
		const ctx = await createEventWithBatch(tdb.db, {
			credits: 5,
			uploadOptions: { removeDuplicates: false },
		});
		const a = await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 15, quality: 92 }));
		const b = await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 15, quality: 70 }));
		await processPhotoJob({ photoId: a }, deps, run);
		await processPhotoJob({ photoId: b }, deps, run);
		expect((await Promise.all([a, b].map(photo))).map((r) => r.status)).toEqual(["ready", "ready"]);
	});

	it("rejects a blurry photo when asked, and keeps it otherwise", async () => {
		const blurred = await makeTestJpeg({ seed: 16, blurSigma: 12 });
		const ctx = await createEventWithBatch(tdb.db, { credits: 5 });
		const id = await insertUploadedPhoto(tdb.db, storage, ctx, blurred);
		await processPhotoJob({ photoId: id }, deps, run);
		const row = await photo(id);
		expect(row.status).toBe("rejected");
		expect(row.rejectionReason).toBe("blurry");
		expect(row.statusReason).toMatch(/blurry/i);

		const keep = await createEventWithBatch(tdb.db, { credits: 5, uploadOptions: { filterBlurry: false } });
		const kept = await insertUploadedPhoto(tdb.db, storage, keep, blurred);
		await processPhotoJob({ photoId: kept }, deps, run);
		expect((await photo(kept)).status).toBe("ready");
	});

	it("gives the credit back, once, for a file that does not decode", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 5 });
		const good = await makeTestJpeg({ seed: 17 });
		const truncated = good.subarray(0, Math.floor(good.length / 2));
		const id = await insertUploadedPhoto(tdb.db, storage, ctx, truncated);
		expect(await balance(ctx.userId)).toBe(4);
		await processPhotoJob({ photoId: id }, deps, run);
		await processPhotoJob({ photoId: id, step: "all" }, deps, run);
		const row = await photo(id);
		expect([row.status, row.rejectionReason, row.creditCharged]).toEqual(["rejected", "unreadable", false]);
		expect(await balance(ctx.userId)).toBe(5);
		const movements = await tdb.db
			.select()
			.from(creditTransactions)
			.where(eq(creditTransactions.userId, ctx.userId));
		expect(movements.map((m) => [m.kind, m.amount]).sort()).toEqual([
			["photo_charge", -1],
			["refund", 1],
		]);
	});

	it("marks the photo failed with the error on its last attempt, not before", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 5 });
		const id = await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 18 }));
		const row = await photo(id);
		await storage.delete(row.originalKey); // the original vanished: every attempt throws
		await expect(processPhotoJob({ photoId: id }, deps, run)).rejects.toThrow();
		expect((await photo(id)).status).toBe("processing");
		await expect(processPhotoJob({ photoId: id }, deps, { ...run, retryCount: 3 })).rejects.toThrow();
		const failed = await photo(id);
		expect(failed.status).toBe("failed");
		expect(failed.statusReason).toMatch(/No stored object/);
	});

	it("skips a photo deleted before its job ran", async () => {
		expect(await processPhotoJob({ photoId: "00000000-0000-4000-8000-000000000000" }, deps, run)).toEqual({
			skipped: "photo deleted",
		});
	});
});

describe("photos.requeue-stuck", () => {
	it("queues photos left `uploaded`, once, and leaves fresh ones alone", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 5 });
		const stuck = await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 19 }));
		const fresh = await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 20 }));
		await ensureQueues(boss);
		// $onUpdate would refresh updatedAt: write it with SQL so the photo really looks old.
		await tdb.sql`update photos set updated_at = now() - interval '10 minutes' where id = ${stuck}`;
		expect(await requeueStuckPhotos({}, deps)).toMatchObject({ requeued: 1 });
		expect(await requeueStuckPhotos({}, deps)).toMatchObject({ requeued: 1 });
		const jobs = await tdb.sql<
			{ data: { photoId: string } }[]
		>`select data from pgboss.job where name = 'photos.process'`;
		expect(jobs.map((j) => j.data.photoId)).toEqual([stuck]);
		expect(jobs.map((j) => j.data.photoId)).not.toContain(fresh);
	});
});

describe("admin pipeline settings", () => {
	it("uses the platform watermark PNG and the blur threshold from platform_settings", async () => {
		const picture = await makeTestJpeg({ seed: 21, blurSigma: 12 });
		const ctx = await createEventWithBatch(tdb.db, { credits: 5 });
		const before = await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 22 }));
		await processPhotoJob({ photoId: before }, deps, run);

		const png = await makeTestJpeg({ seed: 23, width: 200, height: 80 }); // any image works as a mark
		await storage.put("platform/watermark-test.png", png, { contentType: "image/png" });
		await tdb.db.insert(platformSettings).values([
			{ key: "watermark", value: { key: "platform/watermark-test.png" } },
			{ key: "pipeline", value: { blurThreshold: 0 } },
		]);
		const blurry = await insertUploadedPhoto(tdb.db, storage, ctx, picture);
		const upload = await createEventWithBatch(tdb.db, {
			credits: 5,
			uploadOptions: { removeDuplicates: false },
		});
		const same = await insertUploadedPhoto(tdb.db, storage, upload, await makeTestJpeg({ seed: 22 }));
		for (const id of [blurry, same]) await processPhotoJob({ photoId: id }, deps, run);

		expect((await photo(blurry)).status).toBe("ready"); // threshold 0: nothing is too blurry
		const thumbBefore = await storage.getBuffer((await photo(before)).thumbKey ?? "");
		const thumbSame = await storage.getBuffer((await photo(same)).thumbKey ?? "");
		expect(thumbSame.equals(thumbBefore)).toBe(false); // same picture, other watermark
		await tdb.db.delete(platformSettings);
	});
});
