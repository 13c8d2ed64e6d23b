import type { PgBoss, SendOptions } from "pg-boss";
import {
	getJobDefinition,
	type JobDefinitions,
	type JobInput,
	type JobName,
	parseJobPayload,
} from "../jobs/job-definitions.ts";

/** A keyed job may be dropped as already queued (null); any other job always gets an id. */
export type SentJobId<N extends JobName> = JobDefinitions[N] extends { singletonKey: unknown }
	? string | null
	: string;

/**
 * Enqueues a job after checking its payload against the job's schema, so a bad payload fails
 * in the sender (with InvalidJobPayloadError naming the field) rather than three retries later
 * in a worker. Resolves to the job id, or null when a job with the same singleton key (see
 * JobDefinition.singletonKey) is already queued or running.
 */
export async function sendJob<N extends JobName>(
	boss: PgBoss,
	name: N,
	data: JobInput<N>,
	options: SendOptions = {},
): Promise<SentJobId<N>> {
	const payload = parseJobPayload(name, data);
	const keyOf = getJobDefinition(name).singletonKey;
	const singletonKey = keyOf ? keyOf(payload as never) : undefined;
	const id = await boss.send(name, payload, { ...options, ...(singletonKey ? { singletonKey } : {}) });
	// An exclusive queue already holding a job for this key answers null: that job does the work.
	if (id !== null || singletonKey) return id as SentJobId<N>;
	throw new Error(`pg-boss did not store the "${name}" job`);
}
