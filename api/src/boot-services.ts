import {
	type AiEngines,
	type AiSettingsReader,
	createAiEngines,
	createAiSettingsReader,
	createEventFaceIndexCache,
	createQueue,
	createStorage,
	type Env,
	type EventFaceIndexCache,
	ensureQueues,
	type Logger,
	type Storage,
} from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import type { PgBoss } from "pg-boss";

/** The parts of AppDeps that are services of their own, started and stopped together. */
export interface ApiServiceDeps {
	queue: PgBoss;
	storage: Storage;
	ai: AiEngines;
	aiSettings: AiSettingsReader;
	faceIndex: EventFaceIndexCache;
}

export interface ApiServices {
	deps: ApiServiceDeps;
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
	db: Db;
}): Promise<ApiServices> {
	const queue = await createQueue({
		url: options.url,
		log: options.log,
		instanceName: "api",
		background: false,
	});
	await ensureQueues(queue);
	const storage = createStorage(options.env);
	const ai = createAiEngines(options.env);
	return {
		deps: {
			queue,
			storage,
			ai,
			aiSettings: createAiSettingsReader({ db: options.db, defaultProvider: options.env.AI_PROVIDER }),
			faceIndex: createEventFaceIndexCache({ db: options.db }),
		},
		close: async () => {
			await ai.close();
			await queue.stop({ graceful: false, close: true });
		},
	};
}
