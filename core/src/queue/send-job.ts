import type { PgBoss, SendOptions } from "pg-boss";
import { type JobInput, type JobName, parseJobPayload } from "../jobs/job-definitions.ts";

/**
 * Enqueues a job after checking its payload against the job's schema, so a bad payload fails
 * in the sender (with InvalidJobPayloadError naming the field) rather than three retries later
 * in a worker. Resolves to the job id.
 */
export async function sendJob<N extends JobName>(
	boss: PgBoss,
	name: N,
	data: JobInput<N>,
	options: SendOptions = {},
): Promise<string> {
	const payload = parseJobPayload(name, data);
	const id = await boss.send(name, payload, options);
	// null only when a singleton/throttle policy dropped the job; none of our queues use one yet.
	if (id === null) throw new Error(`pg-boss did not store the "${name}" job (singleton or throttle policy)`);
	return id;
}
