import type { PgBoss, Queue } from "pg-boss";
import { deadLetterQueueName, getJobDefinition, jobNames } from "../jobs/job-definitions.ts";
import { deadLetterQueueSettings, queueDefaults } from "./queue-settings.ts";

type QueueSettings = Omit<Queue, "name">;

/**
 * Creates every queue of jobDefinitions, each after its dead-letter queue (pg-boss refuses a
 * dead-letter name that does not exist yet). Existing queues get their settings updated, so a
 * changed retry or expiry reaches a running deployment. Safe to run concurrently from several
 * processes: pg-boss creates queues under an advisory lock with ON CONFLICT DO NOTHING.
 */
export async function ensureQueues(boss: PgBoss): Promise<void> {
	for (const name of jobNames) {
		const deadLetter = deadLetterQueueName(name);
		await upsertQueue(boss, deadLetter, deadLetterQueueSettings);
		await upsertQueue(boss, name, {
			...queueDefaults,
			expireInSeconds: getJobDefinition(name).expireInSeconds ?? queueDefaults.expireInSeconds,
			// Keyed jobs: pg-boss refuses a second job for a key already queued or running.
			...(getJobDefinition(name).singletonKey
				? { policy: getJobDefinition(name).keyPolicy ?? ("exclusive" as const) }
				: {}),
			deadLetter,
		});
	}
}

async function upsertQueue(boss: PgBoss, name: string, settings: QueueSettings): Promise<void> {
	const existing = await boss.getQueue(name);
	if (!existing) {
		await boss.createQueue(name, settings);
		return;
	}
	const { policy: _policy, partition: _partition, ...updatable } = settings;
	await boss.updateQueue(name, updatable);
}
