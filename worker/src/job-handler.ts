import type {
	AiEngines,
	AiSettingsReader,
	CpuLimit,
	Env,
	JobName,
	JobPayload,
	Logger,
	PipelineSettingsReader,
	Storage,
} from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import type { PgBoss } from "pg-boss";

/** What every handler may use; built once per process, `log` narrowed to the job. */
export interface JobDeps {
	env: Env;
	db: Db;
	log: Logger;
	/** To enqueue follow-up jobs (with sendJob). */
	boss: PgBoss;
	storage: Storage;
	/** CPU-heavy steps (sharp, local AI) run behind it: as many at once as there are cores. */
	cpu: CpuLimit;
	/** The queues' retry limit: a handler on its last attempt marks its photo `failed`. */
	retryLimit: number;
	/** Admin settings of the pipeline (watermark, thresholds), cached briefly. */
	pipelineSettings: PipelineSettingsReader;
	/** The AI engines, each created on first use (the local models load once per process). */
	ai: AiEngines;
	/** Admin AI settings (provider, thresholds, face indexing), cached briefly: no restart needed. */
	aiSettings: AiSettingsReader;
}

/** The run being handled, for handlers that care (progress, cancellation, idempotency keys). */
export interface JobRun {
	id: string;
	/** 0 on the first attempt. */
	retryCount: number;
	/** Aborted when pg-boss takes the job back (expiry, lost heartbeat, stop timeout). */
	signal: AbortSignal;
}

/** Stored as the job's output (shown by the CLI, read by tests). */
export type JobOutput = Record<string, unknown>;

/**
 * A job is a function of its validated payload and the deps (ARCHITECTURE.md §8.6). A missing
 * row is not an error (return `{ skipped: "…" }`); a transient failure throws so pg-boss retries.
 */
export type JobHandler<N extends JobName> = (
	data: JobPayload<N>,
	deps: JobDeps,
	run: JobRun,
) => Promise<JobOutput>;
