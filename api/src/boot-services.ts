import {
	createQueue,
	createStorage,
	type Env,
	ensureQueues,
	type Logger,
	type Storage,
} from "@focus-racer/core";
import type { PgBoss } from "pg-boss";

export interface ApiServices {
	queue: PgBoss;
	storage: Storage;
	close: () => Promise<void>;
}

/**
 * The api's queue client and storage. The api creates the queues too, so an upload can be
 * queued before any worker has started (workers may run on other machines).
 */
export async function startApiServices(options: {
	env: Env;
	url: string;
	log: Logger;
}): Promise<ApiServices> {
	const queue = await createQueue({
		url: options.url,
		log: options.log,
		instanceName: "api",
		background: false,
	});
	await ensureQueues(queue);
	const storage = createStorage(options.env);
	return { queue, storage, close: () => queue.stop({ graceful: false, close: true }) };
}
