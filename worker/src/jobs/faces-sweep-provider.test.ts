import { randomUUID } from "node:crypto";
import { createAiEngines, createRekognitionEngine } from "@focus-racer/core";
import {
	box,
	type FakeRekognitionServer,
	faceDetail,
	startFakeRekognitionServer,
} from "@focus-racer/core/testing/rekognition";
import { faces, type PhotoStatus, photos, platformSettings } from "@focus-racer/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sweepEventProviderFaces, sweepProviderFaces, sweepProviderIndex } from "./faces-sweep-provider.ts";
import {
	createEventWithBatch,
	createJobTestContext,
	type JobTestContext,
} from "./photos-pipeline.testkit.ts";

/**
 * faces.sweep-provider on a real database, with the rekognition engine against the fake server:
 * faces are filed in the fake's collections as IndexFaces would file them, rows are written as
 * the AI step would (or not, for a worker that died in between), then the sweep runs.
 */
let job: JobTestContext;
let fake: FakeRekognitionServer;
const run = { id: "test", retryCount: 0, signal: new AbortController().signal };
const prefix = "sweep-test-";
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

type Ctx = Awaited<ReturnType<typeof createEventWithBatch>>;

async function setAi(value: Record<string, unknown>) {
	await job.tdb.db
		.insert(platformSettings)
		.values({ key: "ai", value })
		.onConflictDoUpdate({ target: platformSettings.key, set: { value } });
}

async function insertPhoto(ctx: Ctx, status: PhotoStatus, updatedAt: Date): Promise<string> {
	const id = randomUUID();
	await job.tdb.db.insert(photos).values({
		id,
		eventId: ctx.eventId,
		batchId: ctx.batchId,
		uploaderId: ctx.userId,
		originalFilename: `${id}.jpg`,
		originalKey: `events/${ctx.eventId}/originals/${id}.jpg`,
		bytes: 1,
		mimeType: "image/jpeg",
		options: ctx.options,
		status,
		updatedAt,
	});
	return id;
}

/** What IndexFaces leaves in the provider: one face filed under the photo id. */
async function indexFace(eventId: string, photoId: string): Promise<string> {
	const engine = await job.ai.get("rekognition");
	const image = { data: Buffer.from(`photo ${photoId}`), width: 1, height: 1 };
	const [face] = await engine.detectFaces(image, { eventId, photoId });
	if (!face?.providerFaceId) throw new Error("the fake indexed no face");
	return face.providerFaceId;
}

/** What the AI step's commit leaves: the row pointing at the provider's face. */
async function storeFace(ctx: Ctx, photoId: string, providerFaceId: string) {
	await job.tdb.db.insert(faces).values({
		photoId,
		eventId: ctx.eventId,
		bboxX: 0.4,
		bboxY: 0.1,
		bboxWidth: 0.1,
		bboxHeight: 0.15,
		confidence: 99,
		quality: 0.8,
		providerFaceId,
	});
}

function indexedIn(eventId: string): string[] {
	return [...(fake.collections.get(`${prefix}${eventId}`)?.keys() ?? [])].sort();
}

/** The face ids sent to DeleteFaces since `from` (an index into the fake's requests). */
function deletedSince(from: number): string[] {
	return fake.requests
		.slice(from)
		.filter((r) => r.operation === "DeleteFaces")
		.flatMap((r) => r.body.FaceIds as string[])
		.sort();
}

beforeAll(async () => {
	fake = await startFakeRekognitionServer({
		vision: () => ({ faces: [{ person: "runner", detail: faceDetail(box(0.4, 0.1, 0.1, 0.15)) }] }),
	});
	job = await createJobTestContext({
		ai: (env) =>
			createAiEngines(env, {
				rekognition: () =>
					createRekognitionEngine({
						region: fake.region,
						endpoint: fake.endpoint,
						credentials: fake.credentials,
						collectionPrefix: prefix,
						maxAttempts: 1,
					}),
			}),
	});
});
beforeEach(async () => {
	await setAi({ provider: "rekognition" });
});
afterAll(async () => {
	await job?.close();
	await fake?.close();
});

describe("faces.sweep-provider", () => {
	it("deletes the provider's faces no row points at, unless their photo may still be committing them", async () => {
		const ctx = await createEventWithBatch(job.tdb.db, { credits: 0 });
		const ready = await insertPhoto(ctx, "ready", minutesAgo(60));
		const storedFace = await indexFace(ctx.eventId, ready);
		await storeFace(ctx, ready, storedFace);
		// A rerun whose worker died before deleting the faces it replaced: the old one is orphaned.
		const replacedFace = await indexFace(ctx.eventId, ready);
		const failed = await insertPhoto(ctx, "failed", minutesAgo(60));
		const failedFace = await indexFace(ctx.eventId, failed);
		// Deleted photo (the api could not reach the provider), and an id that is no photo of ours.
		const goneFace = await indexFace(ctx.eventId, randomUUID());
		const strangerFace = await indexFace(ctx.eventId, "not-a-photo-id");
		// AI steps in flight or just finished: their commit may still be on its way.
		const processingFace = await indexFace(ctx.eventId, await insertPhoto(ctx, "processing", minutesAgo(60)));
		const uploadedFace = await indexFace(ctx.eventId, await insertPhoto(ctx, "uploaded", minutesAgo(60)));
		const freshFace = await indexFace(ctx.eventId, await insertPhoto(ctx, "ready", minutesAgo(2)));
		const from = fake.requests.length;

		const output = await sweepProviderFaces({}, job.deps, run);

		const doomed = [replacedFace, failedFace, goneFace, strangerFace].sort();
		expect(deletedSince(from)).toEqual(doomed);
		expect(indexedIn(ctx.eventId)).toEqual([storedFace, processingFace, uploadedFace, freshFace].sort());
		expect(output).toEqual({
			provider: "rekognition",
			events: 1,
			indexed: 8,
			orphans: 7,
			deleted: 4,
			kept: 3,
			failed: 0,
		});

		// Nothing left to find: a second run lists again and deletes nothing.
		const again = fake.requests.length;
		const second = await sweepEventProviderFaces(job.deps, await job.ai.get("rekognition"), ctx.eventId);
		expect(second).toEqual({ eventId: ctx.eventId, indexed: 4, orphans: 3, deleted: 0, kept: 3 });
		expect(deletedSince(again)).toEqual([]);
	});

	it("sweeps an event with no collection without error", async () => {
		const ctx = await createEventWithBatch(job.tdb.db, { credits: 0 });
		const engine = await job.ai.get("rekognition");
		expect(await sweepEventProviderFaces(job.deps, engine, ctx.eventId)).toEqual({
			eventId: ctx.eventId,
			indexed: 0,
			orphans: 0,
			deleted: 0,
			kept: 0,
		});
	});

	it("calls nothing when the provider in force keeps no index of its own", async () => {
		const ctx = await createEventWithBatch(job.tdb.db, { credits: 0 });
		const orphan = await indexFace(ctx.eventId, randomUUID());
		await setAi({ provider: "local" });
		const from = fake.requests.length;

		const output = await sweepProviderFaces({}, job.deps, run);

		expect(output).toMatchObject({ provider: "local", skipped: expect.any(String), events: 0, deleted: 0 });
		expect(fake.requests.length).toBe(from);
		expect(indexedIn(ctx.eventId)).toEqual([orphan]);
	});

	it("sweeps the other events when one fails, then fails the run so pg-boss retries", async () => {
		const first = await createEventWithBatch(job.tdb.db, { credits: 0 });
		const second = await createEventWithBatch(job.tdb.db, { credits: 0 });
		const firstOrphan = await indexFace(first.eventId, randomUUID());
		await indexFace(second.eventId, randomUUID());
		fake.failNext("ListFaces", { type: "ThrottlingException", message: "slow down" });

		const partial = await sweepProviderIndex(job.deps, { eventIds: [first.eventId, second.eventId] });

		expect(partial).toMatchObject({ events: 1, deleted: 1, failed: 1 });
		expect(indexedIn(first.eventId)).toEqual([firstOrphan]);
		expect(indexedIn(second.eventId)).toEqual([]);
		fake.failNext("ListFaces", { type: "ThrottlingException", message: "slow down" });
		await expect(sweepProviderFaces({}, job.deps, run)).rejects.toThrow(/failed for 1 of \d+ events/);
		// The retry finds the event it missed.
		await sweepProviderFaces({}, job.deps, run);
		expect(indexedIn(first.eventId)).toEqual([]);
	});
});
