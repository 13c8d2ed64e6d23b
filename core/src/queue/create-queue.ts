import { PgBoss } from "pg-boss";
import type { Logger } from "../config/logger.ts";

export interface CreateQueueOptions {
	url: string;
	log: Logger;
	/** Name in pg-boss's instance registry (`worker`, `api`, `cli`). */
	instanceName?: string;
	/**
	 * Long-lived processes (api, worker) supervise the queues (expiry of jobs left `active` by a
	 * killed worker, retention), run the cron and hold a LISTEN connection. A short-lived client
	 * (the CLI) does none of that: false.
	 */
	background?: boolean;
	/** pg-boss's own connection pool (it does not share the drizzle one). */
	poolSize?: number;
}

/**
 * How often the supervisor runs: it is what turns jobs of a killed worker (stale heartbeat or past
 * expireInSeconds) back into retries, so it bounds recovery time. pg-boss's default is 60 s.
 */
export const superviseIntervalSeconds = 30;

/** The pg-boss schema, apart from our tables (drizzle owns `public`). */
export const queueSchema = "pgboss";

/**
 * A started pg-boss. §9 of ARCHITECTURE.md: LISTEN/NOTIFY on, so a sent job wakes an idle worker
 * at once (the queues opt in with `notify`, see ensureQueues); polling stays on as a floor (see
 * workPollingOptions). Errors and warnings go to the log: an `error` event without a listener
 * would crash the process.
 */
export async function createQueue(options: CreateQueueOptions): Promise<PgBoss> {
	const { log } = options;
	const background = options.background ?? true;
	const boss = new PgBoss({
		connectionString: options.url,
		schema: queueSchema,
		application_name: `focus-racer-${options.instanceName ?? "queue"}`,
		max: options.poolSize ?? 10,
		supervise: background,
		schedule: background,
		useListenNotify: background,
		registerInstance: background,
		instanceName: options.instanceName,
		superviseIntervalSeconds,
		monitorIntervalSeconds: superviseIntervalSeconds,
	});
	boss.on("error", (err) => log.error({ err }, "pg-boss error"));
	boss.on("warning", (warning) => log.warn({ data: warning.data }, `pg-boss: ${warning.message}`));
	await boss.start({ attempts: background ? 5 : 1 });
	return boss;
}
