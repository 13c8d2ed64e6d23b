import { createLogger, EnvError, loadEnv } from "@focus-racer/core";
import { createDb } from "@focus-racer/db";
import { startWorker } from "./worker.ts";

/**
 * One worker process (`npm run worker`, `node worker/src/main.ts`, CLI `run`, docker compose):
 * runs until SIGINT/SIGTERM, then lets jobs in flight finish and exits 0.
 */
export async function runWorkerProcess(): Promise<void> {
	const env = loadEnv();
	const log = createLogger(env, "worker");
	if (!env.DATABASE_URL)
		throw new EnvError(
			"Invalid environment:\n  DATABASE_URL: required for a worker process (npm start passes its embedded database)",
		);
	const handle = createDb(env.DATABASE_URL, { max: Math.min(env.WORKER_CONCURRENCY, 10) });
	let worker: Awaited<ReturnType<typeof startWorker>>;
	try {
		worker = await startWorker({ env, db: handle.db, log });
	} catch (err) {
		await handle.close();
		throw err;
	}
	// Started by `npm start` (with an IPC channel): tell it we consume, so it prints the URL only then.
	process.send?.({ type: "worker-ready" });
	let stopping = false;
	const shutdown = async (signal: NodeJS.Signals) => {
		// Ctrl-C reaches both `npm start` and this child, which then also gets its SIGTERM: the
		// first signal starts the graceful stop, later ones must not cut it short.
		if (stopping) {
			log.info({ signal }, "already stopping");
			return;
		}
		stopping = true;
		log.info({ signal }, "stopping");
		let code = 0;
		try {
			await worker.stop();
		} catch (err) {
			log.error({ err }, "error while stopping");
			code = 1;
		}
		await handle.close().catch(() => {});
		process.exit(code);
	};
	process.on("SIGINT", (signal) => void shutdown(signal));
	process.on("SIGTERM", (signal) => void shutdown(signal));
}

/** Entry points share this: the env message alone for a bad setting, the stack otherwise. */
export function exitOnStartError(err: unknown): never {
	console.error(err instanceof EnvError ? err.message : err);
	process.exit(1);
}
