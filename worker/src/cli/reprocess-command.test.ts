import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, createStorage, loadEnv, type Storage } from "@focus-racer/core";
import { makeTestJpeg } from "@focus-racer/core/testing";
import { photos } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventWithBatch, insertUploadedPhoto } from "../jobs/photos-pipeline.testkit.ts";
import { type RunningWorker, startWorker } from "../worker.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
let tdb: TestDatabase;
let storage: Storage;
let worker: RunningWorker;
let mediaDir: string;

beforeAll(async () => {
	tdb = await createTestDatabase();
	mediaDir = mkdtempSync(path.join(tmpdir(), "focus-racer-cli-"));
	const env = loadEnv({
		LOG_LEVEL: "silent",
		DATABASE_URL: tdb.url,
		MEDIA_DIR: mediaDir,
		DATA_DIR: mediaDir,
		WORKER_CONCURRENCY: "4",
	});
	storage = createStorage(env);
	worker = await startWorker({ env, db: tdb.db, log: createLogger(env, "test"), storage });
});
afterAll(async () => {
	await worker.stop();
	await tdb.close();
	rmSync(mediaDir, { recursive: true, force: true });
});

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [path.join(root, "worker/src/cli.ts"), ...args], {
			env: { ...process.env, DATABASE_URL: tdb.url, MEDIA_DIR: mediaDir, DATA_DIR: mediaDir },
			stdio: ["ignore", "pipe", "pipe"],
		});
		let output = "";
		child.stdout.on("data", (c: Buffer) => {
			output += c.toString();
		});
		child.stderr.on("data", (c: Buffer) => {
			output += c.toString();
		});
		child.once("close", (code) => resolve({ code, output }));
	});
}

describe("worker CLI reprocess", () => {
	it("re-runs the pipeline for an event through a running worker and prints a summary", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 5 });
		const ids = [
			await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 801 })),
			await insertUploadedPhoto(tdb.db, storage, ctx, await makeTestJpeg({ seed: 802 })),
		];
		const { code, output } = await runCli(["reprocess", "--event", ctx.eventId, "--step", "derivatives"]);
		expect(output).toMatch(/Queued 2 photo\(s\)/);
		expect(output).toMatch(/Done in .*: 2 ready, 0 rejected, 0 failed/);
		expect(code).toBe(0);
		for (const id of ids) {
			const [row] = await tdb.db.select().from(photos).where(eq(photos.id, id));
			expect(row?.status).toBe("ready");
			expect(row?.microKey).toBeTruthy();
		}
	});

	it("refuses bad arguments with exit code 2", async () => {
		const { code, output } = await runCli(["reprocess", "--event", "nope"]);
		expect(code).toBe(2);
		expect(output).toMatch(/--event must be an event id/);
	});
});
