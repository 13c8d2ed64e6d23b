import { randomUUID } from "node:crypto";
import { createAiSettingsReader, createLogger, loadEnv } from "@focus-racer/core";
import { faceClusters, faces, photoBibs, photos, platformSettings } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobDeps } from "../job-handler.ts";
import { clusterEventFaces } from "./faces-cluster.ts";
import { createEventWithBatch } from "./photos-pipeline.testkit.ts";

/**
 * faces.cluster on stored embeddings (what the local engine leaves in `faces`): the rules of
 * linking and propagation, independent of any model. Vectors are made per person plus noise.
 */
let tdb: TestDatabase;
let deps: JobDeps;

const dims = 128;
function vector(seed: number): number[] {
	let state = seed;
	return Array.from({ length: dims }, () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648 - 0.5;
	});
}
const people = { ana: vector(1), bob: vector(2), cid: vector(3) };
const photoOf = (person: number[], seed: number) => {
	const n = vector(seed * 7919 + 11);
	return person.map((x, i) => x + 0.45 * (n[i] ?? 0));
};

type Ctx = Awaited<ReturnType<typeof createEventWithBatch>>;

/** A ready photo with one face (and the bib under it when given). */
async function photoWith(ctx: Ctx, embedding: number[], bib?: string, reviewed = false): Promise<string> {
	const id = randomUUID();
	await tdb.db.insert(photos).values({
		id,
		eventId: ctx.eventId,
		batchId: ctx.batchId,
		uploaderId: ctx.userId,
		originalFilename: `${id}.jpg`,
		originalKey: `events/${ctx.eventId}/originals/${id}.jpg`,
		bytes: 1,
		mimeType: "image/jpeg",
		options: ctx.options,
		status: "ready",
		bibsReviewedAt: reviewed ? new Date() : null,
	});
	await tdb.db.insert(faces).values({
		photoId: id,
		eventId: ctx.eventId,
		bboxX: 0.4,
		bboxY: 0.1,
		bboxWidth: 0.1,
		bboxHeight: 0.12,
		confidence: 99,
		quality: 0.8,
		embedding,
		embeddingModel: "test-model",
	});
	if (bib) {
		await tdb.db.insert(photoBibs).values({
			photoId: id,
			eventId: ctx.eventId,
			bib,
			confidence: 95,
			source: reviewed ? "manual" : "ocr",
			bboxX: 0.41,
			bboxY: 0.4,
			bboxWidth: 0.08,
			bboxHeight: 0.05,
		});
	}
	return id;
}

async function bibsOf(photoId: string) {
	return tdb.db
		.select({ bib: photoBibs.bib, source: photoBibs.source })
		.from(photoBibs)
		.where(eq(photoBibs.photoId, photoId))
		.orderBy(asc(photoBibs.bib));
}

beforeAll(async () => {
	tdb = await createTestDatabase();
	const env = loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: tdb.url });
	// Only what the job uses: the database and the settings.
	deps = {
		env,
		db: tdb.db,
		log: createLogger(env, "cluster-test"),
		aiSettings: createAiSettingsReader({ db: tdb.db, defaultProvider: "local", ttlMs: 0 }),
	} as unknown as JobDeps;
});
afterAll(async () => {
	await tdb?.close();
});

describe("faces.cluster", () => {
	it("links photos with a hidden bib to the runner they show, and groups the event's faces", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 0 });
		const ana1 = await photoWith(ctx, photoOf(people.ana, 1), "101");
		await photoWith(ctx, photoOf(people.ana, 2), "101");
		const bob1 = await photoWith(ctx, photoOf(people.bob, 3), "202");
		const anaHidden = await photoWith(ctx, photoOf(people.ana, 4));
		const bobHidden = await photoWith(ctx, photoOf(people.bob, 5));
		const stranger = await photoWith(ctx, photoOf(people.cid, 6));

		const output = await clusterEventFaces({ eventId: ctx.eventId }, deps);
		expect(output).toEqual({ faces: 6, clusters: 3, linked: 2 });
		expect(await bibsOf(anaHidden)).toEqual([{ bib: "101", source: "face_recognition" }]);
		expect(await bibsOf(bobHidden)).toEqual([{ bib: "202", source: "face_recognition" }]);
		expect(await bibsOf(stranger)).toEqual([]);
		expect(await bibsOf(ana1)).toEqual([{ bib: "101", source: "ocr" }]);
		expect(await bibsOf(bob1)).toEqual([{ bib: "202", source: "ocr" }]);
		const clusters = await tdb.db
			.select({ bib: faceClusters.bib, count: faceClusters.faceCount })
			.from(faceClusters)
			.where(eq(faceClusters.eventId, ctx.eventId))
			.orderBy(asc(faceClusters.bib));
		expect(clusters).toEqual([
			{ bib: "101", count: 3 },
			{ bib: "202", count: 2 },
			{ bib: null, count: 1 },
		]);
		// The bib worn on its own photo is the face's; a linked face keeps none of its own.
		const [own] = await tdb.db.select({ bib: faces.bib }).from(faces).where(eq(faces.photoId, ana1));
		const [linked] = await tdb.db.select({ bib: faces.bib }).from(faces).where(eq(faces.photoId, anaHidden));
		expect([own?.bib, linked?.bib]).toEqual(["101", null]);

		// Run again (a redelivery, the next burst): the same rows, not twice as many.
		expect(await clusterEventFaces({ eventId: ctx.eventId }, deps)).toEqual(output);
		expect(await bibsOf(anaHidden)).toEqual([{ bib: "101", source: "face_recognition" }]);
		const count = await tdb.db.$count(faceClusters, eq(faceClusters.eventId, ctx.eventId));
		expect(count).toBe(3);
	});

	it("learns from bibs a pro typed, and leaves reviewed photos as the pro left them", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 0 });
		await photoWith(ctx, photoOf(people.ana, 7), "101");
		const cleared = await photoWith(ctx, photoOf(people.ana, 8), undefined, true);
		// Bob's only bib was typed by the pro on a reviewed photo: it still names his face.
		await photoWith(ctx, photoOf(people.bob, 9), "202", true);
		const bobHidden = await photoWith(ctx, photoOf(people.bob, 10));
		await clusterEventFaces({ eventId: ctx.eventId }, deps);
		expect(await bibsOf(cleared)).toEqual([]);
		expect(await bibsOf(bobHidden)).toEqual([{ bib: "202", source: "face_recognition" }]);
	});

	it("respects the admin's face-match threshold", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 0 });
		await photoWith(ctx, photoOf(people.bob, 10), "202");
		const hidden = await photoWith(ctx, photoOf(people.bob, 11));
		await tdb.db
			.insert(platformSettings)
			.values({ key: "ai", value: { localFaceMatchCosine: 0.99 } })
			.onConflictDoUpdate({ target: platformSettings.key, set: { value: { localFaceMatchCosine: 0.99 } } });
		await clusterEventFaces({ eventId: ctx.eventId }, deps);
		expect(await bibsOf(hidden)).toEqual([]);
		await tdb.db.delete(platformSettings).where(eq(platformSettings.key, "ai"));
		await clusterEventFaces({ eventId: ctx.eventId }, deps);
		expect(await bibsOf(hidden)).toEqual([{ bib: "202", source: "face_recognition" }]);
	});
});
