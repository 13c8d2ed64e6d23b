import {
	createEventFaceIndexCache,
	defaultAiSettings,
	makeDemoRacePhoto,
	outfitDescriptorLength,
	searchPhotosBySelfie,
	toAiImage,
} from "@focus-racer/core";
import { faces, photoBibs, startListEntries } from "@focus-racer/db";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personScene } from "./ai-scenes.testkit.ts";
import { clusterEventFaces } from "./faces-cluster.ts";
import {
	createEventWithBatch,
	createJobTestContext,
	insertUploadedPhoto,
	type JobTestContext,
} from "./photos-pipeline.testkit.ts";
import { processPhotoJob } from "./photos-process.ts";

/**
 * The offline default, end to end: real photos of real people (the face model's own samples)
 * wearing drawn bibs go through the pipeline job with the REAL local engine (PaddleOCR on
 * onnxruntime, human on wasm), then faces.cluster, then a selfie search.
 */
let job: JobTestContext;
let tdb: JobTestContext["tdb"];
let storage: JobTestContext["storage"];
let ai: JobTestContext["ai"];
let deps: JobTestContext["deps"];
const run = { id: "test", retryCount: 0, signal: new AbortController().signal };

async function bibsOf(photoId: string) {
	return tdb.db
		.select({ bib: photoBibs.bib, source: photoBibs.source })
		.from(photoBibs)
		.where(eq(photoBibs.photoId, photoId))
		.orderBy(asc(photoBibs.bib));
}

beforeAll(async () => {
	job = await createJobTestContext();
	({ tdb, storage, ai, deps } = job);
});
afterAll(async () => {
	await job?.close();
});

describe("the local engine through the pipeline", () => {
	it("reads the bib under a runner's face, links the runner's other photo by face, and finds both from a selfie", async () => {
		const ctx = await createEventWithBatch(tdb.db, {
			credits: 10,
			uploadOptions: { removeDuplicates: false },
		});
		await tdb.db
			.insert(startListEntries)
			.values({ eventId: ctx.eventId, bib: "4812", firstName: "Marc", lastName: "Ode" });
		const wearing = await insertUploadedPhoto(
			tdb.db,
			storage,
			ctx,
			await personScene({ person: "man", scale: 4.8, left: 450, top: 300, bib: "4812" }),
		);
		// The same runner elsewhere, bib hidden; and somebody else.
		const hidden = await insertUploadedPhoto(
			tdb.db,
			storage,
			ctx,
			await personScene({ person: "man", scale: 3.9, left: 1200, top: 450 }),
		);
		const other = await insertUploadedPhoto(
			tdb.db,
			storage,
			ctx,
			await personScene({ person: "woman", scale: 4.5, left: 750, top: 380 }),
		);
		for (const id of [wearing, hidden, other]) {
			expect(await processPhotoJob({ photoId: id }, deps, run)).toMatchObject({
				ready: true,
				ai: { provider: "local" },
			});
		}
		expect(await bibsOf(wearing)).toEqual([{ bib: "4812", source: "ocr" }]);
		const [face] = await tdb.db.select().from(faces).where(eq(faces.photoId, wearing));
		expect(face?.bib).toBe("4812");
		expect(face?.embedding).toHaveLength(1024);
		expect(face?.embeddingModel).toBe("human-faceres-1024");
		expect(face?.quality).toBeGreaterThan(0);
		// What the runner wears, measured for faces.cluster: two colour histograms of one each.
		expect(face?.outfit).toHaveLength(outfitDescriptorLength);
		const halves = [face?.outfit?.slice(0, 41), face?.outfit?.slice(41)];
		for (const half of halves) expect(half?.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
		expect(await bibsOf(hidden)).toEqual([]);

		// The AI step queued the regrouping of the event; here we run it as the worker would.
		await clusterEventFaces({ eventId: ctx.eventId }, deps);
		expect(await bibsOf(hidden)).toEqual([{ bib: "4812", source: "face_recognition" }]);
		expect(await bibsOf(other)).toEqual([]);

		const selfie = await toAiImage(
			await personScene({ person: "man", scale: 2, left: 100, top: 100, width: 900, height: 700 }),
			{
				maxPixels: 100_000_000,
			},
		);
		const matches = await searchPhotosBySelfie({
			db: tdb.db,
			engine: await ai.get("local"),
			faceIndex: createEventFaceIndexCache({ db: tdb.db }),
			settings: defaultAiSettings("local"),
			eventId: ctx.eventId,
			selfie,
		});
		expect(matches.map((m) => m.photoId).sort()).toEqual([wearing, hidden].sort());
	});

	it("reads the numbers of the demo's generated runners (no detectable face: whole image and tiles)", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 10 });
		const id = await insertUploadedPhoto(
			tdb.db,
			storage,
			ctx,
			await makeDemoRacePhoto({ seed: 3, bibs: ["1234", "507", "86"] }),
		);
		await processPhotoJob({ photoId: id }, deps, run);
		expect((await bibsOf(id)).map((b) => b.bib)).toEqual(["1234", "507", "86"]);
	});
});
