import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
	createLogger,
	createQueue,
	createStorage,
	ensureQueues,
	loadEnv,
	type Storage,
	sendJob,
} from "@focus-racer/core";
import { makeTestJpeg } from "@focus-racer/core/testing";
import { photos, users } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventWithBatch, insertUploadedPhoto } from "./jobs/photos-pipeline.testkit.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
let tdb: TestDatabase;
let storage: Storage;
let boss: PgBoss;
let mediaDir: string;
const workers: ChildProcess[] = [];

beforeAll(async () => {
	tdb = await createTestDatabase();
	mediaDir = mkdtempSync(path.join(tmpdir(), "focus-racer-crash-"));
	const env = loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", MEDIA_DIR: mediaDir, DATA_DIR: mediaDir });
	storage = createStorage(env);
	boss = await createQueue({ url: tdb.url, log: createLogger(env, "test"), background: false });
	await ensureQueues(boss);
});
afterAll(async () => {
	for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
	await boss.stop({ graceful: false, close: true });
	await tdb.close();
	rmSync(mediaDir, { recursive: true, force: true });
});

/** A real worker process, as `npm start` or docker compose runs it. */
function startWorker(): ChildProcess {
	const child = spawn(process.execPath, [path.join(root, "worker/src/main.ts")], {
		env: {
			...process.env,
			DATABASE_URL: tdb.url,
			MEDIA_DIR: mediaDir,
			DATA_DIR: mediaDir,
			LOG_LEVEL: "error",
			WORKER_CONCURRENCY: "4",
		},
		stdio: ["ignore", "inherit", "inherit"],
	});
	workers.push(child);
	return child;
}

async function countByStatus(eventId: string): Promise<Record<string, number>> {
	const rows = await tdb.sql<{ status: string; n: number }[]>`
		select status, count(*)::int as n from photos where event_id = ${eventId} group by status`;
	return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

describe("a worker killed in the middle of a batch", () => {
	it("loses nothing: every photo ends ready, 30 credits exactly, no orphan file", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 100 });
		const ids: string[] = [];
		for (let seed = 0; seed < 30; seed++) {
			ids.push(
				await insertUploadedPhoto(
					tdb.db,
					storage,
					ctx,
					await makeTestJpeg({ seed: 1000 + seed, width: 2000, height: 1334 }),
				),
			);
		}
		for (const photoId of ids) await sendJob(boss, "photos.process", { photoId });

		const first = startWorker();
		await waitFor(
			async () => ((await countByStatus(ctx.eventId)).ready ?? 0) >= 3,
			120_000,
			"a few photos ready",
		);
		first.kill("SIGKILL");
		await new Promise((r) => first.once("exit", r));
		const atKill = await countByStatus(ctx.eventId);
		expect(atKill.ready ?? 0).toBeLessThan(30); // killed mid-batch, not after it

		startWorker();
		await waitFor(
			async () => ((await countByStatus(ctx.eventId)).ready ?? 0) === 30,
			180_000,
			"all 30 photos ready",
		);

		const rows = await tdb.db.select().from(photos).where(eq(photos.eventId, ctx.eventId));
		expect(rows.every((r) => r.status === "ready")).toBe(true);
		const [owner] = await tdb.db
			.select({ balance: users.creditsBalance })
			.from(users)
			.where(eq(users.id, ctx.userId));
		expect(owner?.balance).toBe(70);
		const expected = rows.flatMap((r) => [r.originalKey, r.webKey, r.thumbKey, r.microKey]).sort();
		expect(expected).toHaveLength(120);
		expect(await storage.list(`events/${ctx.eventId}/`)).toEqual(expected);
	}, 400_000);
});
