import { createAiEngines, createRekognitionEngine, outfitDescriptorLength } from "@focus-racer/core";
import { makeTestJpeg } from "@focus-racer/core/testing";
import {
	box,
	type FakeFace,
	type FakeImageContent,
	type FakeRekognitionServer,
	faceDetail,
	jpegSize,
	startFakeRekognitionServer,
	word,
} from "@focus-racer/core/testing/rekognition";
import { faces, photoBibs, photos, platformSettings, startListEntries } from "@focus-racer/db";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
	createEventWithBatch,
	createJobTestContext,
	insertUploadedPhoto,
	type JobTestContext,
} from "./photos-pipeline.testkit.ts";
import { processPhotoJob } from "./photos-process.ts";

/**
 * The AI step's storage and linking rules, through the pipeline job, with the `rekognition`
 * engine against the fake Rekognition server (the one paid API we fake): what it "sees" is
 * scripted per photo, so each rule is checked exactly. The local engine's own reading is tested
 * in core and end to end in pipeline-ai.test.ts.
 */
let job: JobTestContext;
let tdb: JobTestContext["tdb"];
let storage: JobTestContext["storage"];
let deps: JobTestContext["deps"];
let fake: FakeRekognitionServer;
const run = { id: "test", retryCount: 0, signal: new AbortController().signal };

/** What the fake sees, by AI-input size (each test photo has its own aspect ratio). */
const scenes = new Map<string, FakeImageContent>();
const face = (person: string, left = 0.4): FakeFace => ({
	person,
	detail: faceDetail(box(left, 0.1, 0.1, 0.15)),
});
/** A bib read where a runner's bib sits: under the face at `left`. */
const bib = (text: string, confidence: number, left = 0.4) =>
	word(text, confidence, box(left, 0.45, 0.1, 0.05));

async function photoOfSize(
	ctx: Awaited<ReturnType<typeof createEventWithBatch>>,
	seed: number,
	height: number,
	scene: FakeImageContent,
) {
	// The AI input is the photo shrunk to 1600 px wide: its size names the scene.
	scenes.set(`1600x${Math.round((1600 * height) / 2400)}`, scene);
	return insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed, width: 2400, height }));
}

async function bibsOf(photoId: string) {
	return tdb.db
		.select({ bib: photoBibs.bib, source: photoBibs.source, confidence: photoBibs.confidence })
		.from(photoBibs)
		.where(eq(photoBibs.photoId, photoId))
		.orderBy(asc(photoBibs.bib));
}

async function facesOf(photoId: string) {
	return tdb.db.select().from(faces).where(eq(faces.photoId, photoId)).orderBy(asc(faces.bboxX));
}

async function setAi(value: Record<string, unknown>) {
	await tdb.db
		.insert(platformSettings)
		.values({ key: "ai", value })
		.onConflictDoUpdate({ target: platformSettings.key, set: { value } });
}

beforeAll(async () => {
	fake = await startFakeRekognitionServer({ vision: (image) => scenes.get(jpegSize(image)) ?? {} });
	job = await createJobTestContext({
		ai: (env) =>
			createAiEngines(env, {
				rekognition: () =>
					createRekognitionEngine({
						region: fake.region,
						endpoint: fake.endpoint,
						credentials: fake.credentials,
						collectionPrefix: "test-",
						maxAttempts: 1,
					}),
			}),
	});
	({ tdb, storage, deps } = job);
});
beforeEach(async () => {
	await setAi({ provider: "rekognition" });
});
afterAll(async () => {
	await job?.close();
	await fake?.close();
});

describe("the AI step (rekognition engine against the fake)", () => {
	it("stores the faces and the bibs read, gives the bib to the face above it, and links the start list", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 10 });
		await tdb.db
			.insert(startListEntries)
			.values({ eventId: ctx.eventId, bib: "1234", firstName: "Ana", lastName: "Roy" });
		const id = await photoOfSize(ctx, 1, 1500, {
			faces: [face("ana", 0.1), face("bob", 0.6)],
			texts: [bib("1234", 99, 0.1), bib("87", 95, 0.6), word("FINISH", 99, box(0.3, 0.9, 0.2, 0.05))],
		});
		const result = await processPhotoJob({ photoId: id }, deps, run);
		expect(result).toMatchObject({ ready: true, ai: { provider: "rekognition", faces: 2 } });
		expect(await bibsOf(id)).toEqual([
			{ bib: "1234", source: "ocr", confidence: 99 },
			{ bib: "87", source: "ocr", confidence: 95 },
		]);
		const [entry] = await tdb.db
			.select({ entry: photoBibs.startListEntryId })
			.from(photoBibs)
			.where(and(eq(photoBibs.photoId, id), eq(photoBibs.bib, "1234")));
		expect(entry?.entry).toBeTruthy();
		const stored = await facesOf(id);
		expect(stored.map((f) => f.bib)).toEqual(["1234", "87"]);
		for (const f of stored) {
			expect(f.providerFaceId).toMatch(/^[0-9a-f-]{36}$/);
			expect(f.embedding).toBeNull();
			// The outfit is measured from the pixels whatever the provider.
			expect(f.outfit).toHaveLength(outfitDescriptorLength);
			expect(f.quality).toBeGreaterThan(0);
			expect(f.bboxX).toBeCloseTo(f === stored[0] ? 0.1 : 0.6, 5);
		}
		const [row] = await tdb.db.select({ provider: photos.ocrProvider }).from(photos).where(eq(photos.id, id));
		expect(row?.provider).toBe("rekognition");
		// Faces went into the event's own collection, under the photo's id.
		const indexed = [...(fake.collections.get(`test-${ctx.eventId}`)?.values() ?? [])];
		expect(indexed.map((f) => f.externalImageId)).toEqual([id, id]);
	});

	it("links a photo with a hidden bib to the runner whose face matches (source face_recognition)", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 10 });
		const seen = await photoOfSize(ctx, 2, 1400, { faces: [face("carla")], texts: [bib("512", 99)] });
		await processPhotoJob({ photoId: seen }, deps, run);
		const hidden = await photoOfSize(ctx, 3, 1300, { faces: [face("carla")], texts: [] });
		const stranger = await photoOfSize(ctx, 4, 1200, { faces: [face("dan")], texts: [] });
		expect(await processPhotoJob({ photoId: hidden }, deps, run)).toMatchObject({
			ai: { linkedByFace: ["512"] },
		});
		await processPhotoJob({ photoId: stranger }, deps, run);
		expect(await bibsOf(hidden)).toEqual([{ bib: "512", source: "face_recognition", confidence: 99 }]);
		expect(await bibsOf(stranger)).toEqual([]);
	});

	it("applies the admin's thresholds at once: bib confidence and face indexing", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 10 });
		const id = await photoOfSize(ctx, 5, 1100, { faces: [face("eve")], texts: [bib("66", 65)] });
		await processPhotoJob({ photoId: id }, deps, run);
		expect(await bibsOf(id)).toEqual([]); // 65 % < PRODUCT's 70 %
		await setAi({ provider: "rekognition", bibMinConfidence: 60, faceIndexing: false });
		await processPhotoJob({ photoId: id, step: "ai" }, deps, run);
		expect(await bibsOf(id)).toEqual([{ bib: "66", source: "ocr", confidence: 65 }]);
		expect(await facesOf(id)).toEqual([]);
	});

	it("re-reading a photo replaces its faces and reads, and forgets the old faces at the provider too", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 10, uploadOptions: { smartCrop: true } });
		const id = await photoOfSize(ctx, 6, 1000, { faces: [face("fay")], texts: [bib("321", 97)] });
		await processPhotoJob({ photoId: id }, deps, run);
		const [first] = await facesOf(id);
		expect(first?.cropKey).toMatch(new RegExp(`^events/${ctx.eventId}/crops/${id}-0-`));
		const crop = await storage.getBuffer(first?.cropKey ?? "");
		expect(crop.subarray(8, 12).toString("ascii")).toBe("WEBP");

		const deletes = fake.requestsOf("DeleteFaces").length;
		await processPhotoJob({ photoId: id, step: "ai" }, deps, run);
		const again = await facesOf(id);
		expect(again).toHaveLength(1);
		expect(again[0]?.providerFaceId).not.toBe(first?.providerFaceId);
		expect(await bibsOf(id)).toEqual([{ bib: "321", source: "ocr", confidence: 97 }]);
		const sent = fake.requestsOf("DeleteFaces").slice(deletes);
		expect(sent.map((r) => r.body.FaceIds)).toEqual([[first?.providerFaceId]]);
		expect(fake.collections.get(`test-${ctx.eventId}`)?.size).toBe(1);
		// Same pixels, same crop key: nothing orphaned in storage.
		expect(await storage.list(`events/${ctx.eventId}/crops/`)).toEqual([first?.cropKey]);
	});

	it("drops a 'face' found on a bib it read: not stored, and forgotten at the provider", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 10 });
		// The detector's box sits on the bib itself (dark digits on a white patch); a real face beside it.
		const onBib: FakeFace = { person: "bib-77", detail: faceDetail(box(0.4, 0.44, 0.1, 0.07)) };
		const id = await photoOfSize(ctx, 9, 1700, {
			faces: [face("gus", 0.1), onBib],
			texts: [bib("77", 99, 0.4), bib("58", 99, 0.1)],
		});
		expect(await processPhotoJob({ photoId: id }, deps, run)).toMatchObject({ ai: { faces: 1 } });
		expect(await bibsOf(id)).toEqual([
			{ bib: "58", source: "ocr", confidence: 99 },
			{ bib: "77", source: "ocr", confidence: 99 },
		]);
		const stored = await facesOf(id);
		expect(stored.map((f) => [f.bib, f.bboxX])).toEqual([["58", expect.closeTo(0.1, 5)]]);
		// Rekognition indexed both while detecting; the bib's one is deleted again.
		expect(fake.collections.get(`test-${ctx.eventId}`)?.size).toBe(1);
	});

	it("never changes the bibs of a photo a pro reviewed by hand", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 10 });
		const id = await photoOfSize(ctx, 7, 900, { faces: [face("gus")], texts: [bib("11", 99)] });
		await processPhotoJob({ photoId: id }, deps, run);
		// The pro's fix: 11 was wrong, the runner is 17 (what photos.setBibs stores).
		await tdb.db.delete(photoBibs).where(eq(photoBibs.photoId, id));
		await tdb.db
			.insert(photoBibs)
			.values({ photoId: id, eventId: ctx.eventId, bib: "17", confidence: 100, source: "manual" });
		await tdb.db.update(photos).set({ bibsReviewedAt: new Date() }).where(eq(photos.id, id));
		await processPhotoJob({ photoId: id, step: "ai" }, deps, run);
		expect(await bibsOf(id)).toEqual([{ bib: "17", source: "manual", confidence: 100 }]);
		// The face still learns who it is, from the pro's list.
		expect((await facesOf(id)).map((f) => f.bib)).toEqual(["17"]);
	});

	it("lets a provider failure fail the job, so pg-boss retries it", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 10 });
		const id = await photoOfSize(ctx, 8, 800, { faces: [face("hal")], texts: [] });
		fake.failNext("IndexFaces", { type: "ThrottlingException", message: "Rate exceeded" });
		await expect(processPhotoJob({ photoId: id }, deps, run)).rejects.toThrow(/Rate exceeded/);
		const [row] = await tdb.db.select({ status: photos.status }).from(photos).where(eq(photos.id, id));
		expect(row?.status).toBe("processing");
		expect(await processPhotoJob({ photoId: id }, deps, run)).toMatchObject({ ready: true });
	});
});
