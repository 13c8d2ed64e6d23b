import type { Queue, WorkOptions } from "pg-boss";

/**
 * Settings every queue gets (a job definition may override expireInSeconds).
 *
 * - retryLimit 3 with exponential backoff from 5 s (about 5, 10, 20 s with jitter, capped at
 *   5 min), long enough to ride out a database or S3 hiccup: a job that fails its 3 retries is
 *   copied to its dead-letter queue (and a photo is marked `failed` by the pipeline).
 * - heartbeatSeconds 30: pg-boss refreshes a running job's heartbeat every 15 s; a worker that was
 *   killed stops refreshing, and the supervisor (every 30 s) puts its jobs back within about a
 *   minute, far sooner than the expiry below.
 * - expireInSeconds 300: the hard bound on one run (a hung handler, or a process frozen without
 *   dying). The longest job foreseen is one photo through decode + derivatives + local AI, a few
 *   seconds on one core, plus waiting for a CPU slot behind up to WORKER_CONCURRENCY others
 *   (about a minute on 2 cores): 5 minutes is a few times that.
 * - notify: a sent job wakes a listening worker at once instead of at its next poll.
 */
export const queueDefaults = {
	retryLimit: 3,
	retryBackoff: true,
	retryDelay: 5,
	retryDelayMax: 300,
	heartbeatSeconds: 30,
	expireInSeconds: 300,
	notify: true,
} as const satisfies Omit<Queue, "name">;

/**
 * Dead-letter queues keep failed jobs for a month and are never worked: an operator inspects them
 * (CLI `queues`) and redrives them once the cause is fixed.
 */
export const deadLetterQueueSettings = {
	retryLimit: 0,
	retentionSeconds: 30 * 24 * 3600,
	deleteAfterSeconds: 30 * 24 * 3600,
	notify: false,
} as const satisfies Omit<Queue, "name">;

/**
 * pg-boss polls every 2 s by default, and with NOTIFY active it falls back to a 30 s poll: a worker
 * busy when the notification came would sit idle up to 30 s once it frees up (§9). Half a second
 * either way keeps a busy worker fed; NOTIFY still makes idle pickup immediate.
 */
export const workPollingOptions = {
	pollingIntervalSeconds: 0.5,
	notifyPollingIntervalSeconds: 0.5,
} as const satisfies WorkOptions;
