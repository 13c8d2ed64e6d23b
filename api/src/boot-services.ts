import {
	type AiEngines,
	type AiSettingsReader,
	createAiEngines,
	createAiSettingsReader,
	createEventFaceIndexCache,
	createMailer,
	createQueue,
	createStorage,
	type Env,
	type EventFaceIndexCache,
	ensureQueues,
	type Logger,
	type Mailer,
	type Storage,
} from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import type { PgBoss } from "pg-boss";
import { createPayments, type Payments } from "./services/orders/payments.ts";

/** The parts of AppDeps that are services of their own, started and stopped together. */
export interface ApiServiceDeps {
	queue: PgBoss;
	storage: Storage;
	ai: AiEngines;
	aiSettings: AiSettingsReader;
	faceIndex: EventFaceIndexCache;
	payments: Payments;
	mailer: Mailer;
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
	const mailer = createMailer({
		db: options.db,
		smtpUrl: options.env.SMTP_URL,
		from: options.env.MAIL_FROM,
		logger: options.log,
	});
	return {
		deps: {
			queue,
			storage,
			ai,
			aiSettings: createAiSettingsReader({ db: options.db, defaultProvider: options.env.AI_PROVIDER }),
			faceIndex: createEventFaceIndexCache({ db: options.db }),
			payments: createPayments(options.env),
			mailer,
		},
		close: async () => {
			mailer.close();
			await ai.close();
			await queue.stop({ graceful: false, close: true });
		},
	};
}
