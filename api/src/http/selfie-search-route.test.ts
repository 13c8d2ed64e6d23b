import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
	type AiEngine,
	type AiEngines,
	createAiEngines,
	createAiSettingsReader,
	createEventFaceIndexCache,
	createLogger,
	createRekognitionEngine,
	createStorage,
	loadEnv,
	type Storage,
	toAiImage,
} from "@focus-racer/core";
import { makeTestJpeg } from "@focus-racer/core/testing";
import {
	box,
	type FakeImageContent,
	type FakeRekognitionServer,
	faceDetail,
	jpegSize,
	startFakeRekognitionServer,
} from "@focus-racer/core/testing/rekognition";
import { events, faces, photos, platformSettings } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../app.ts";
import { createTestUser } from "../testing/factories.ts";
import { cookieFrom, testOrigin } from "../testing/test-app.ts";

/**
 * POST /api/events/:id/selfie-search through the real app, with Rekognition (its index holds
 * the faces) against the fake server: who is on which image is scripted by image size.
 */
let tdb: TestDatabase;
let app: App;
let storage: Storage;
let fake: FakeRekognitionServer;
let ai: AiEngines;
let engine: AiEngine;
let mediaDir: string;
const scenes = new Map<string, FakeImageContent>();
let ip = 0;

async function image(width: number, height: number, people: string[]): Promise<Buffer> {
	const bytes = await makeTestJpeg({ seed: width + height, width, height });
	const ai = await toAiImage(bytes, { maxPixels: 100_000_000 });
	scenes.set(`${ai.width}x${ai.height}`, {
		faces: people.map((person, i) => ({ person, detail: faceDetail(box(0.1 + 0.4 * i, 0.1, 0.2, 0.3)) })),
	});
	return bytes;
}

async function eventWith(visibility: "public" | "draft") {
	const owner = await createTestUser(tdb.db, { role: "photographer" });
	const [event] = await tdb.db
		.insert(events)
		.values({
			slug: `e-${randomUUID()}`,
			name: "Race",
			date: "2026-10-18",
			place: "Lyon",
			ownerId: owner.id,
			visibility,
		})
		.returning({ id: events.id });
	if (!event) throw new Error("no event");
	return { owner, eventId: event.id };
}

/** A ready photo whose faces the provider indexed, as the AI step leaves it. */
async function indexedPhoto(
	eventId: string,
	ownerId: string,
	bytes: Buffer,
	status: "ready" | "processing" = "ready",
) {
	const id = randomUUID();
	await tdb.db.insert(photos).values({
		id,
		eventId,
		uploaderId: ownerId,
		originalFilename: "p.jpg",
		originalKey: `events/${eventId}/originals/${id}.jpg`,
		microKey: `events/${eventId}/micro/${id}-abcdef0123.webp`,
		thumbKey: `events/${eventId}/thumbs/${id}-abcdef0123.webp`,
		bytes: 1,
		mimeType: "image/jpeg",
		status,
	});
	const found = await engine.detectFaces(await toAiImage(bytes, { maxPixels: 100_000_000 }), {
		eventId,
		photoId: id,
	});
	for (const face of found) {
		await tdb.db.insert(faces).values({
			photoId: id,
			eventId,
			bboxX: face.box.x,
			bboxY: face.box.y,
			bboxWidth: face.box.width,
			bboxHeight: face.box.height,
			confidence: face.confidence,
			providerFaceId: face.providerFaceId,
		});
	}
	return id;
}

async function search(eventId: string, body: Buffer, options: { cookie?: string; type?: string } = {}) {
	const res = await app.request(`${testOrigin}/api/events/${eventId}/selfie-search`, {
		method: "POST",
		headers: {
			"content-type": options.type ?? "image/jpeg",
			origin: testOrigin,
			"x-forwarded-for": `selfie-client-${++ip}`,
			...(options.cookie ? { cookie: options.cookie } : {}),
		},
		body,
	});
	return {
		status: res.status,
		body: (await res.json()) as {
			photos?: { photoId: string; similarity: number; microUrl: string | null }[];
			error?: { code: string; message: string };
		},
	};
}

beforeAll(async () => {
	tdb = await createTestDatabase();
	mediaDir = mkdtempSync(path.join(tmpdir(), "focus-racer-selfie-"));
	const env = loadEnv({
		NODE_ENV: "test",
		LOG_LEVEL: "silent",
		PUBLIC_URL: testOrigin,
		TRUST_PROXY: "true",
		MEDIA_DIR: mediaDir,
		DATA_DIR: mediaDir,
	});
	fake = await startFakeRekognitionServer({ vision: (bytes) => scenes.get(jpegSize(bytes)) ?? {} });
	const rekognition = () =>
		createRekognitionEngine({
			region: fake.region,
			endpoint: fake.endpoint,
			credentials: fake.credentials,
			collectionPrefix: "t-",
			maxAttempts: 1,
		});
	engine = rekognition();
	ai = createAiEngines(env, { rekognition });
	storage = createStorage(env);
	await tdb.db.insert(platformSettings).values({ key: "ai", value: { provider: "rekognition" } });
	app = createApp({
		env,
		db: tdb.db,
		log: createLogger(env, "selfie-test"),
		storage,
		ai,
		aiSettings: createAiSettingsReader({ db: tdb.db, defaultProvider: "local", ttlMs: 0 }),
		faceIndex: createEventFaceIndexCache({ db: tdb.db }),
	});
});
afterAll(async () => {
	await ai?.close();
	await engine?.close();
	await fake?.close();
	await tdb?.close();
	if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
});

describe("POST /api/events/:eventId/selfie-search", () => {
	it("finds the runner's ready photos of a public event, most similar first, with public thumbnails only", async () => {
		const { owner, eventId } = await eventWith("public");
		const both = await indexedPhoto(eventId, owner.id, await image(640, 400, ["ana", "bob"]));
		const alone = await indexedPhoto(eventId, owner.id, await image(640, 410, ["ana"]));
		await indexedPhoto(eventId, owner.id, await image(640, 420, ["bob"]));
		await indexedPhoto(eventId, owner.id, await image(640, 430, ["ana"]), "processing");
		const before = await storage.list("");
		const { status, body } = await search(eventId, await image(300, 400, ["ana"]));
		expect(status).toBe(200);
		expect(body.photos?.map((p) => p.photoId).sort()).toEqual([both, alone].sort());
		for (const p of body.photos ?? []) {
			expect(p.similarity).toBeGreaterThanOrEqual(80);
			expect(p.microUrl).toMatch(/\/media\/events\/[^/]+\/micro\//);
			expect(Object.keys(p)).not.toContain("originalUrl");
		}
		// The selfie was only read: nothing new in storage.
		expect(await storage.list("")).toEqual(before);
	});

	it("answers an empty list when the selfie shows no face or nobody matches", async () => {
		const { owner, eventId } = await eventWith("public");
		await indexedPhoto(eventId, owner.id, await image(640, 440, ["carl"]));
		expect((await search(eventId, await image(300, 410, []))).body.photos).toEqual([]);
		expect((await search(eventId, await image(300, 420, ["dora"]))).body.photos).toEqual([]);
	});

	it("hides a draft event from everyone but its managers", async () => {
		const { owner, eventId } = await eventWith("draft");
		const id = await indexedPhoto(eventId, owner.id, await image(640, 450, ["eli"]));
		const selfie = await image(300, 430, ["eli"]);
		expect((await search(eventId, selfie)).status).toBe(404);
		const stranger = await createTestUser(tdb.db, { role: "photographer" });
		const login = async (email: string, password: string) => {
			const res = await app.request(`${testOrigin}/trpc/auth.login`, {
				method: "POST",
				headers: {
					"content-type": "application/json",
					origin: testOrigin,
					"x-forwarded-for": `login-${++ip}`,
				},
				body: JSON.stringify({ email, password }),
			});
			return cookieFrom(res.headers.get("set-cookie"));
		};
		expect(
			(await search(eventId, selfie, { cookie: await login(stranger.email, stranger.password) })).status,
		).toBe(404);
		const mine = await search(eventId, selfie, { cookie: await login(owner.email, owner.password) });
		expect(mine.body.photos?.map((p) => p.photoId)).toEqual([id]);
		expect((await search(randomUUID(), selfie)).status).toBe(404);
	});

	it("refuses what is not a selfie with a clear message", async () => {
		const { eventId } = await eventWith("public");
		const text = await search(eventId, Buffer.from("not a photo at all"));
		expect(text.status).toBe(400);
		expect(text.body.error?.message).toMatch(/not a photo/);
		const json = await search(eventId, Buffer.from("{}"), { type: "application/json" });
		expect(json.status).toBe(400);
		const empty = await search(eventId, Buffer.alloc(0));
		expect(empty.status).toBe(400);
		const huge = await search(eventId, Buffer.alloc(16 * 1024 * 1024));
		expect(huge.status).toBe(413);
	});
});
