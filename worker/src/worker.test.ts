import { randomUUID } from "node:crypto";
import {
	createLogger,
	deadLetterQueueName,
	getJobDefinition,
	InvalidJobPayloadError,
	jobNames,
	loadEnv,
	queueDefaults,
	sendJob,
} from "@focus-racer/core";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForJob } from "./cli/wait-for-job.ts";
import { jobHandlers } from "./registry.ts";
import { type RunningWorker, startWorker } from "./worker.ts";

let tdb: TestDatabase;
let worker: RunningWorker | undefined;

beforeAll(async () => {
	tdb = await createTestDatabase();
	const env = loadEnv({
		NODE_ENV: "test",
		LOG_LEVEL: "silent",
		DATABASE_URL: tdb.url,
		WORKER_CONCURRENCY: "4",
	});
	worker = await startWorker({ env, db: tdb.db, log: createLogger(env, "worker-test") });
});

afterAll(async () => {
	await worker?.stop();
	await tdb?.close();
});

function running(): RunningWorker {
	if (!worker) throw new Error("worker not started");
	return worker;
}

describe("startWorker", () => {
	it("has a handler for every job and creates every queue with its dead-letter queue", async () => {
		expect(Object.keys(jobHandlers).sort()).toEqual([...jobNames].sort());
		const { boss } = running();
		for (const name of jobNames) {
			const queue = await boss.getQueue(name);
			expect(queue, name).toMatchObject({
				deadLetter: deadLetterQueueName(name),
				retryLimit: queueDefaults.retryLimit,
				retryBackoff: true,
				expireInSeconds: getJobDefinition(name).expireInSeconds ?? queueDefaults.expireInSeconds,
				heartbeatSeconds: queueDefaults.heartbeatSeconds,
				notify: true,
			});
			expect(await boss.getQueue(deadLetterQueueName(name)), name).not.toBeNull();
		}
	});

	it("schedules the hourly session purge", async () => {
		const schedules = await running().boss.getSchedules("sessions.purge-expired");
		expect(schedules.map((s) => s.cron)).toEqual(["0 * * * *"]);
	});

	it("consumes a system.ping sent with sendJob", async () => {
		const { boss } = running();
		const pingId = randomUUID();
		const jobId = await sendJob(boss, "system.ping", { id: pingId });
		const outcome = await waitForJob(boss, "system.ping", jobId, 10_000);
		expect(outcome.state).toBe("completed");
		expect(outcome.output).toMatchObject({ pong: pingId, pid: process.pid });
	});

	it("refuses an invalid payload in sendJob, naming the job and the field", async () => {
		const { boss } = running();
		// @ts-expect-error: the wrong type is the point of the test
		const bad = sendJob(boss, "system.ping", { id: 42 });
		await expect(bad).rejects.toThrow(InvalidJobPayloadError);
		await expect(bad).rejects.toThrow(/system\.ping.*id/);
		// @ts-expect-error: an unknown field is refused too (strict payloads)
		await expect(sendJob(boss, "system.ping", { id: "x", extra: 1 })).rejects.toThrow(/system\.ping/);
		expect(await boss.findJobs("system.ping", { data: { id: 42 } })).toEqual([]);
	});

	it("dead-letters at once a job whose payload bypassed sendJob and is invalid", async () => {
		const { boss } = running();
		const marker = randomUUID();
		const jobId = await boss.send("system.ping", { wrong: marker });
		if (!jobId) throw new Error("send returned no id");
		const outcome = await waitForJob(boss, "system.ping", jobId, 10_000);
		expect(outcome.state).toBe("failed");
		const [job] = await boss.findJobs("system.ping", { id: jobId });
		expect(job?.retryCount).toBe(0);
		const dead = await boss.findJobs(deadLetterQueueName("system.ping"), { data: { wrong: marker } });
		expect(dead).toHaveLength(1);
	});

	it("stop() resolves, and a second call too", async () => {
		const w = running();
		await w.stop();
		await w.stop();
		worker = undefined;
	});
});

describe("stop()", () => {
	it("lets a job in flight finish before it resolves", async () => {
		const env = loadEnv({
			NODE_ENV: "test",
			LOG_LEVEL: "silent",
			DATABASE_URL: tdb.url,
			WORKER_CONCURRENCY: "2",
		});
		let release: () => void = () => {};
		const started = new Promise<void>((resolve) => {
			release = resolve;
		});
		const slow = await startWorker({
			env,
			db: tdb.db,
			log: createLogger(env, "worker-test"),
			handlers: {
				...jobHandlers,
				"system.ping": async (data) => {
					release();
					await new Promise((resolve) => setTimeout(resolve, 1000));
					return { pong: data.id, slow: true };
				},
			},
		});
		const { boss } = slow;
		const jobId = await sendJob(boss, "system.ping", { id: "slow" });
		await started;
		const [active] = await boss.findJobs("system.ping", { id: jobId });
		expect(active?.state).toBe("active");
		await slow.stop();

		// stop() closed that worker's pg-boss: read the outcome through a fresh one.
		const reader = await startWorker({ env, db: tdb.db, log: createLogger(env, "worker-test") });
		try {
			const outcome = await waitForJob(reader.boss, "system.ping", jobId, 1000);
			expect(outcome).toMatchObject({ state: "completed", output: { pong: "slow", slow: true } });
		} finally {
			await reader.stop();
		}
	});
});
