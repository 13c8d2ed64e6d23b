import * as v from "valibot";

/**
 * What the api and the worker agree on for one kind of job: its payload schema and how its
 * queue behaves. The handler lives in the worker (worker/src/registry.ts); the api only needs
 * this to enqueue.
 */
export interface JobDefinition {
	/** Checked by sendJob before the job is stored, and again by the worker before it runs. */
	readonly payload: v.GenericSchema<unknown, object>;
	/** Sent by pg-boss's cron (UTC) with an empty payload; the worker registers the schedule. */
	readonly cron?: string;
	/**
	 * At most this many jobs of this queue in flight per worker process (the default is
	 * WORKER_CONCURRENCY). pg-boss spawns one poller per slot, so housekeeping queues stay small.
	 */
	readonly maxConcurrency?: number;
	/** Overrides the queue default (see queueDefaults) for jobs that legitimately run longer. */
	readonly expireInSeconds?: number;
	/**
	 * One job per key at a time (queued, retrying or running): a second send for the same key is
	 * dropped by pg-boss. Queues with a key use pg-boss's `exclusive` policy.
	 */
	readonly singletonKey?: (data: never) => string;
	/**
	 * How a keyed queue treats a second job for a key: `exclusive` (default) drops it while one
	 * is queued or running; `stately` keeps one queued beside one running, so work that arrives
	 * while a run is in progress is picked up by the next run instead of being lost.
	 */
	readonly keyPolicy?: "exclusive" | "stately";
}

/**
 * Every job of the platform. Queue names are `<domain>.<verb-noun>`, the same domain name as
 * the schema, service and router. Payloads carry ids only: handlers reload what they need.
 */
export const jobDefinitions = {
	/** Deletes session rows past their expiry (login checks them anyway; this keeps the table small). */
	"sessions.purge-expired": {
		payload: v.strictObject({}),
		cron: "0 * * * *",
		maxConcurrency: 1,
	},
	/**
	 * One uploaded photo through the pipeline (derivatives, filters, AI). Live uploads only: a
	 * race day is never stuck behind a backfill, which has its own queue below.
	 */
	"photos.process": {
		payload: v.strictObject({ photoId: v.pipe(v.string(), v.uuid()) }),
		singletonKey: (data: { photoId: string }) => data.photoId,
	},
	/**
	 * The same pipeline for the CLI's reprocess (backfills): a separate queue with few slots per
	 * worker, so it only takes CPU that new uploads leave free.
	 */
	"photos.reprocess": {
		payload: v.strictObject({
			photoId: v.pipe(v.string(), v.uuid()),
			step: v.optional(v.picklist(["derivatives", "ai", "all"]), "all"),
		}),
		maxConcurrency: 2,
		singletonKey: (data: { photoId: string }) => data.photoId,
	},
	/**
	 * Re-queues photos left `uploaded` (their job could not be sent after the upload committed,
	 * e.g. the queue was briefly unreachable). singletonKey = photo id makes it harmless when a
	 * job is already waiting.
	 */
	"photos.requeue-stuck": {
		payload: v.strictObject({}),
		cron: "*/5 * * * *",
		maxConcurrency: 1,
	},
	/**
	 * Groups an event's faces by person and spreads bibs to photos where the bib is hidden.
	 * Sent by every photo's AI step with a delay (faceClusterDelaySeconds): during a burst of
	 * uploads one run is waiting and the others are dropped, so the event is regrouped once the
	 * burst settles, not once per photo; a photo finished during a run queues the next one.
	 */
	"faces.cluster": {
		payload: v.strictObject({ eventId: v.pipe(v.string(), v.uuid()) }),
		singletonKey: (data: { eventId: string }) => data.eventId,
		keyPolicy: "stately",
		maxConcurrency: 1,
		expireInSeconds: 30 * 60,
	},
	/**
	 * Daily: deletes faces the provider's own index (Rekognition) holds with no `faces` row
	 * pointing at them (a worker died between IndexFaces and the commit, or before deleting the
	 * faces a rerun replaced): they cost money, surface in searches and escape erasure. One
	 * ListFaces per event and page, so a large platform needs well over the default expiry.
	 */
	"faces.sweep-provider": {
		payload: v.strictObject({}),
		cron: "30 3 * * *",
		maxConcurrency: 1,
		expireInSeconds: 2 * 60 * 60,
	},
	/** Round trip through a worker: records nothing, proves a worker is consuming (tests, CLI `ping`). */
	"system.ping": {
		payload: v.strictObject({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
		maxConcurrency: 2,
	},
} as const satisfies Record<string, JobDefinition>;

export type JobDefinitions = typeof jobDefinitions;
export type JobName = keyof JobDefinitions;
/** What a handler receives (after the schema's transforms). */
export type JobPayload<N extends JobName> = v.InferOutput<JobDefinitions[N]["payload"]>;
/** What a sender passes. */
export type JobInput<N extends JobName> = v.InferInput<JobDefinitions[N]["payload"]>;

/** How long after a photo's AI step its event is regrouped (the burst's debounce). */
export const faceClusterDelaySeconds = 15;

export const jobNames = Object.keys(jobDefinitions) as JobName[];

/** The definition widened to JobDefinition, to read its optional settings. */
export function getJobDefinition(name: JobName): JobDefinition {
	return jobDefinitions[name];
}

export function isJobName(name: string): name is JobName {
	return Object.hasOwn(jobDefinitions, name);
}

/** Jobs that failed every retry are copied here, kept for inspection and redrive. */
export function deadLetterQueueName(name: JobName): string {
	return `${name}.dead-letter`;
}

export class InvalidJobPayloadError extends Error {
	override name = "InvalidJobPayloadError";
	readonly job: string;

	constructor(job: string, detail: string) {
		super(`Invalid payload for job "${job}": ${detail}`);
		this.job = job;
	}
}

/** Validates a payload against its job's schema; throws InvalidJobPayloadError naming each bad field. */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
	if (!isJobName(name)) throw new InvalidJobPayloadError(String(name), "no such job");
	const result = v.safeParse(getJobDefinition(name).payload, data);
	if (!result.success) {
		const detail = result.issues
			.map((issue) => {
				const path = issue.path?.map((p) => String(p.key)).join(".");
				return path ? `${path}: ${issue.message}` : issue.message;
			})
			.join("; ");
		throw new InvalidJobPayloadError(name, detail);
	}
	return result.output as JobPayload<N>;
}
