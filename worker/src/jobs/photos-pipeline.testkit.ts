import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
	type AiEngines,
	chargePhoto,
	createAiEngines,
	createAiSettingsReader,
	createCpuLimit,
	createLogger,
	createPipelineSettingsReader,
	createQueue,
	createStorage,
	type Env,
	ensureQueues,
	loadEnv,
	originalKey,
	type Storage,
} from "@focus-racer/core";
import { type Db, events, photos, type UploadOptions, uploadBatches, users } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import type { PgBoss } from "pg-boss";
import type { JobDeps } from "../job-handler.ts";

/** An event with its owner (who has credits) and a batch, as an upload would leave them. */
export async function createEventWithBatch(
	db: Db,
	options: { credits: number; uploadOptions?: Partial<UploadOptions> },
): Promise<{ userId: string; eventId: string; batchId: string; options: UploadOptions }> {
	const [user] = await db
		.insert(users)
		.values({
			email: `pro-${randomUUID()}@test.example`,
			name: "Pro",
			role: "photographer",
			passwordHash: "x",
			creditsBalance: options.credits,
		})
		.returning({ id: users.id });
	if (!user) throw new Error("no user");
	const [event] = await db
		.insert(events)
		.values({ slug: `e-${randomUUID()}`, name: "Race", date: "2026-10-18", place: "Lyon", ownerId: user.id })
		.returning({ id: events.id });
	if (!event) throw new Error("no event");
	const uploadOptions = {
		removeDuplicates: true,
		filterBlurry: true,
		autoRetouch: false,
		smartCrop: false,
		...options.uploadOptions,
	};
	const [batch] = await db
		.insert(uploadBatches)
		.values({ eventId: event.id, uploaderId: user.id, options: uploadOptions, expectedCount: 0 })
		.returning({ id: uploadBatches.id });
	if (!batch) throw new Error("no batch");
	return { userId: user.id, eventId: event.id, batchId: batch.id, options: uploadOptions };
}

/** What the upload route does for one accepted file: original stored, row created, credit taken. */
export async function insertUploadedPhoto(
	db: Db,
	storage: Storage,
	ctx: { userId: string; eventId: string; batchId: string; options: UploadOptions },
	bytes: Buffer,
	createdAt?: Date,
): Promise<string> {
	const photoId = randomUUID();
	const key = originalKey({ eventId: ctx.eventId, photoId, ext: "jpg" });
	await storage.put(key, bytes, { contentType: "image/jpeg" });
	await db.transaction(async (tx) => {
		await tx.insert(photos).values({
			id: photoId,
			eventId: ctx.eventId,
			batchId: ctx.batchId,
			uploaderId: ctx.userId,
			originalFilename: `${photoId}.jpg`,
			originalKey: key,
			bytes: bytes.length,
			mimeType: "image/jpeg",
			options: ctx.options,
			creditCharged: true,
			...(createdAt ? { createdAt } : {}),
		});
		await chargePhoto(tx, { userId: ctx.userId, photoId });
	});
	return photoId;
}

export interface JobTestContext {
	tdb: TestDatabase;
	env: Env;
	storage: Storage;
	boss: PgBoss;
	ai: AiEngines;
	deps: JobDeps;
	close: () => Promise<void>;
}

/**
 * What a job test needs, as the worker builds it: its own database, local storage in a temp
 * directory, a pg-boss with every queue, the settings readers without cache (a test's change
 * applies at once) and the AI engines — the real local one unless the test swaps providers.
 */
export async function createJobTestContext(
	options: { ai?: (env: Env) => AiEngines } = {},
): Promise<JobTestContext> {
	const tdb = await createTestDatabase();
	const mediaDir = mkdtempSync(path.join(tmpdir(), "focus-racer-job-test-"));
	const env = loadEnv({
		NODE_ENV: "test",
		LOG_LEVEL: "silent",
		MEDIA_DIR: mediaDir,
		DATA_DIR: mediaDir,
		DATABASE_URL: tdb.url,
	});
	const log = createLogger(env, "job-test");
	const storage = createStorage(env);
	const boss = await createQueue({ url: tdb.url, log, background: false });
	await ensureQueues(boss);
	const ai = options.ai ? options.ai(env) : createAiEngines(env);
	const deps: JobDeps = {
		env,
		db: tdb.db,
		log,
		boss,
		storage,
		cpu: createCpuLimit(),
		retryLimit: 3,
		pipelineSettings: createPipelineSettingsReader({ db: tdb.db, storage, ttlMs: 0 }),
		ai,
		aiSettings: createAiSettingsReader({ db: tdb.db, defaultProvider: "local", ttlMs: 0 }),
	};
	return {
		tdb,
		env,
		storage,
		boss,
		ai,
		deps,
		close: async () => {
			await ai.close();
			await boss.stop({ graceful: false, close: true });
			await tdb.close();
			rmSync(mediaDir, { recursive: true, force: true });
		},
	};
}
