import {
	type AiEngines,
	createAiEngines,
	createAiSettingsReader,
	createCpuLimit,
	createPipelineSettingsReader,
	createQueue,
	createStorage,
	type Env,
	EnvError,
	ensureQueues,
	getJobDefinition,
	InvalidJobPayloadError,
	isJobName,
	type JobName,
	jobNames,
	type Logger,
	parseJobPayload,
	queueDefaults,
	type Storage,
	workPollingOptions,
} from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import type { JobResult, PgBoss } from "pg-boss";
import type { JobDeps } from "./job-handler.ts";
import { type JobHandlers, jobHandlers } from "./registry.ts";

export interface StartWorkerOptions {
	env: Env;
	db: Db;
	log: Logger;
	/** A started pg-boss to consume with; by default the worker creates (and stops) its own. */
	boss?: PgBoss;
	/**
	 * How long stop() lets in-flight jobs finish. Past it pg-boss fails them back to their queue
	 * (they are retried, not lost). Default 15 s: inside `npm start`'s 20 s and compose's 30 s
	 * grace before a SIGKILL.
	 */
	stopTimeoutMs?: number;
	/** Media storage; by default the one STORAGE_DRIVER names. */
	storage?: Storage;
	/** The registry by default; tests swap in slower or failing handlers. */
	handlers?: JobHandlers;
	/** The AI engines; by default the env's (local models loaded on first use, closed at stop). */
	ai?: AiEngines;
}

export interface RunningWorker {
	boss: PgBoss;
	/** Stops taking jobs and waits for the ones in flight; resolves when done. Idempotent. */
	stop: () => Promise<void>;
}

/**
 * Ensures the queues, recovers jobs a killed worker left `active`, consumes every queue with its
 * handler and registers the cron schedules. Several workers (processes, machines) can run this
 * against one database: they share the queues and pg-boss hands each job to one of them.
 */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
	const { env, db, log } = options;
	const ownsBoss = !options.boss;
	let boss = options.boss;
	if (!boss) {
		if (!env.DATABASE_URL) throw new EnvError("Invalid environment:\n  DATABASE_URL: required by the worker");
		boss = await createQueue({ url: env.DATABASE_URL, log, instanceName: "worker" });
	}
	const stopTimeoutMs = options.stopTimeoutMs ?? 15_000;
	let ai: AiEngines | undefined;
	try {
		await ensureQueues(boss);
		// A worker that was killed left its jobs `active`: one supervision pass now sends back those
		// whose heartbeat went stale or whose expireInSeconds passed, instead of at the next timer.
		await boss.supervise();
		const storage = options.storage ?? createStorage(env);
		ai = options.ai ?? createAiEngines(env);
		const deps: JobDeps = {
			env,
			db,
			log,
			boss,
			storage,
			cpu: createCpuLimit(),
			retryLimit: queueDefaults.retryLimit,
			pipelineSettings: createPipelineSettingsReader({ db, storage }),
			ai,
			aiSettings: createAiSettingsReader({ db, defaultProvider: env.AI_PROVIDER }),
		};
		const handlers = options.handlers ?? jobHandlers;
		for (const name of jobNames) await consume(boss, name, handlers, deps, env.WORKER_CONCURRENCY);
		await registerSchedules(boss, log);
	} catch (err) {
		if (ownsBoss) await boss.stop({ graceful: false }).catch(() => {});
		if (!options.ai) await ai?.close().catch(() => {});
		throw err;
	}
	log.info({ queues: jobNames, concurrency: env.WORKER_CONCURRENCY }, "worker started");

	const running = boss;
	let stopping: Promise<void> | undefined;
	return {
		boss: running,
		stop: () => {
			stopping ??= (async () => {
				log.info("worker stopping: finishing jobs in flight");
				if (ownsBoss) await running.stop({ graceful: true, timeout: stopTimeoutMs });
				else await Promise.all(jobNames.map((name) => running.offWork(name, { wait: true })));
				if (!options.ai) await ai?.close();
				log.info("worker stopped");
			})();
			return stopping;
		},
	};
}

function concurrencyFor(name: JobName, workerConcurrency: number): number {
	return Math.min(workerConcurrency, getJobDefinition(name).maxConcurrency ?? workerConcurrency);
}

async function consume<N extends JobName>(
	boss: PgBoss,
	name: N,
	handlers: JobHandlers,
	deps: JobDeps,
	workerConcurrency: number,
): Promise<void> {
	const handler = handlers[name];
	await boss.work<unknown>(
		name,
		{
			...workPollingOptions,
			localConcurrency: concurrencyFor(name, workerConcurrency),
			// Per-job results so a payload that can never be valid goes straight to the dead-letter
			// queue instead of burning three retries.
			perJobResults: true,
		},
		async (jobs) => {
			const results: JobResult[] = [];
			for (const job of jobs) {
				const log = deps.log.child({ job: name, jobId: job.id, attempt: job.retryCount + 1 });
				let data: ReturnType<typeof parseJobPayload<N>>;
				try {
					data = parseJobPayload(name, job.data);
				} catch (err) {
					if (!(err instanceof InvalidJobPayloadError)) throw err;
					log.error({ err }, "invalid payload: sent to the dead-letter queue");
					results.push({ id: job.id, status: "deadletter", output: { error: err.message } });
					continue;
				}
				const started = performance.now();
				try {
					const output = await handler(
						data,
						{ ...deps, log },
						{ id: job.id, retryCount: job.retryCount, signal: job.signal },
					);
					log.debug({ ms: Math.round(performance.now() - started), output }, "job done");
					results.push({ id: job.id, status: "completed", output });
				} catch (err) {
					// Thrown on: pg-boss records the error and retries with backoff, then dead-letters.
					log.warn({ err, ms: Math.round(performance.now() - started) }, "job failed");
					throw err;
				}
			}
			return results;
		},
	);
}

/** Cron jobs of jobDefinitions; schedules of jobs that no longer have a cron are removed. */
async function registerSchedules(boss: PgBoss, log: Logger): Promise<void> {
	for (const name of jobNames) {
		const { cron } = getJobDefinition(name);
		if (cron) await boss.schedule(name, cron, {}, { tz: "UTC" });
	}
	for (const schedule of await boss.getSchedules()) {
		const wanted = isJobName(schedule.name) && getJobDefinition(schedule.name).cron !== undefined;
		if (!wanted) {
			await boss.unschedule(schedule.name, schedule.key);
			log.info({ job: schedule.name }, "stale schedule removed");
		}
	}
}
