import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type AiEngine, createRekognitionEngine } from "@focus-racer/core";
import {
	box,
	type FakeRekognitionServer,
	faceDetail,
	startFakeRekognitionServer,
} from "@focus-racer/core/testing/rekognition";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventWithBatch } from "../jobs/photos-pipeline.testkit.ts";

/** The CLI as an operator runs it, its Rekognition pointed at the fake through the env. */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const prefix = "cli-sweep-";
let tdb: TestDatabase;
let fake: FakeRekognitionServer;
let engine: AiEngine;

beforeAll(async () => {
	tdb = await createTestDatabase();
	fake = await startFakeRekognitionServer({
		vision: () => ({ faces: [{ person: "runner", detail: faceDetail(box(0.4, 0.1, 0.1, 0.15)) }] }),
	});
	engine = createRekognitionEngine({
		region: fake.region,
		endpoint: fake.endpoint,
		credentials: fake.credentials,
		collectionPrefix: prefix,
		maxAttempts: 1,
	});
});
afterAll(async () => {
	await engine?.close();
	await fake?.close();
	await tdb?.close();
});

function runCli(
	args: string[],
	env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [path.join(root, "worker/src/cli.ts"), ...args], {
			env: {
				...process.env,
				DATABASE_URL: tdb.url,
				REKOGNITION_ENDPOINT: fake.endpoint,
				REKOGNITION_REGION: fake.region,
				REKOGNITION_ACCESS_KEY_ID: fake.credentials.accessKeyId,
				REKOGNITION_SECRET_ACCESS_KEY: fake.credentials.secretAccessKey,
				REKOGNITION_COLLECTION_PREFIX: prefix,
				...env,
			},
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

describe("worker CLI sweep-faces", () => {
	it("deletes an event's orphan faces on Rekognition, and touches nothing on the local engine", async () => {
		const ctx = await createEventWithBatch(tdb.db, { credits: 0 });
		// Filed under a photo that no longer exists: nothing in `faces` points at it.
		const image = { data: Buffer.from("photo"), width: 1, height: 1 };
		await engine.detectFaces(image, { eventId: ctx.eventId, photoId: randomUUID() });
		const collection = fake.collections.get(`${prefix}${ctx.eventId}`);
		expect(collection?.size).toBe(1);

		const local = await runCli(["sweep-faces"], { AI_PROVIDER: "local" });
		expect(local.output).toMatch(/Nothing to sweep/);
		expect(local.code).toBe(0);
		expect(fake.requestsOf("ListFaces")).toEqual([]);

		const swept = await runCli(["sweep-faces", "--event", ctx.eventId], { AI_PROVIDER: "rekognition" });
		expect(swept.output).toMatch(`event ${ctx.eventId}: 1 indexed, 1 orphan(s), 1 deleted, 0 kept`);
		expect(swept.output).toMatch(/Swept 1 event\(s\) on rekognition: 1 orphan face\(s\) deleted/);
		expect(swept.code).toBe(0);
		expect(collection?.size).toBe(0);
	});

	it("refuses bad arguments with exit code 2", async () => {
		const { code, output } = await runCli(["sweep-faces", "--event", "nope"]);
		expect(code).toBe(2);
		expect(output).toMatch(/--event must be an event id/);
	});
});
