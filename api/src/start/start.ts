import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, EnvError, type Logger, loadEnv } from "@focus-racer/core";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@focus-racer/db/embedded";
import { createApp } from "../app.ts";
import { prepareDatabase } from "../boot.ts";
import { startApiServices } from "../boot-services.ts";
import { listen } from "../server.ts";
import { ensureWebBuild } from "./ensure-web-build.ts";
import { seedDemoPhotos } from "./seed-demo-photos.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * `npm start`: everything on one machine with nothing configured — embedded PostgreSQL (unless
 * DATABASE_URL), migrations, demo seed, web build, the api serving the web app, and one worker
 * process. Ctrl-C stops the api and the worker first, the database last.
 */
async function start(): Promise<void> {
	const env = loadEnv();
	const log = createLogger(env, "start");
	let embedded: EmbeddedPostgres | undefined;
	let worker: ChildProcess | undefined;
	let stopping = false;
	const cleanups: Array<() => Promise<void>> = [];

	const shutdown = async (code: number) => {
		if (stopping) return;
		stopping = true;
		log.info("stopping…");
		for (const cleanup of cleanups.reverse()) {
			await cleanup().catch((err: unknown) => log.error({ err }, "error while stopping"));
		}
		process.exit(code);
	};
	process.on("SIGINT", () => void shutdown(0));
	process.on("SIGTERM", () => void shutdown(0));

	try {
		let url = env.DATABASE_URL;
		if (!url) {
			embedded = await startEmbeddedPostgres({
				dataDir: path.resolve(root, env.DATA_DIR, "pg"),
				port: env.EMBEDDED_PG_PORT,
				log: (m) => log.info(`postgres: ${m}`),
			});
			const pg = embedded;
			cleanups.push(() => pg.stop());
			url = embedded.url;
			log.info({ port: embedded.port, dataDir: embedded.dataDir }, "embedded PostgreSQL ready");
		}
		const { handle, demoAccounts } = await prepareDatabase({ env, url, embedded: Boolean(embedded), log });
		cleanups.push(() => handle.close());
		const services = await startApiServices({ env, url, log, db: handle.db });
		cleanups.push(() => services.close());
		const webDist = ensureWebBuild(root, (m) => log.info(m));
		const app = createApp({
			env,
			db: handle.db,
			log: createLogger(env, "api"),
			...services.deps,
			webDist,
		});
		const server = await listen(app, { host: env.HOST, port: env.PORT });
		cleanups.push(() => server.close());

		if (env.START_WORKER) {
			worker = await startWorkerProcess(
				url,
				() => stopping,
				(code) => void shutdown(code),
				log,
			);
			const running = worker;
			cleanups.push(() => stopChild(running));
		}

		if (demoAccounts.length > 0) {
			// In the background: the URL prints now, the gallery fills up as the worker goes.
			void seedDemoPhotos({
				db: handle.db,
				storage: services.deps.storage,
				queue: services.deps.queue,
				log,
				count: env.DEMO_PHOTOS,
				maxPixels: env.MAX_IMAGE_PIXELS,
			}).catch((err: unknown) => log.error({ err }, "demo photos failed"));
		}

		const publicUrl = env.PUBLIC_URL ?? server.url;
		const lines = [
			"",
			`  Focus Racer is running at ${publicUrl}`,
			embedded ? `  Database: embedded PostgreSQL in ${embedded.dataDir}` : "  Database: DATABASE_URL",
			worker ? "  Worker: running (pg-boss)" : "  Worker: not started here (START_WORKER=false)",
		];
		if (demoAccounts.length > 0) {
			lines.push("", "  Demo logins:");
			for (const a of demoAccounts)
				lines.push(`    ${a.role.padEnd(13)} ${a.email.padEnd(34)} ${a.password}`);
		}
		lines.push("", "  Press Ctrl-C to stop.", "");
		process.stdout.write(`${lines.join("\n")}\n`);
	} catch (err) {
		log.error(err instanceof EnvError ? err.message : { err }, "start failed");
		await shutdown(1);
	}
}

/** Spawns `worker/src/main.ts` and resolves once it consumes its queues (an IPC "worker-ready"). */
function startWorkerProcess(
	url: string,
	isStopping: () => boolean,
	onCrash: (code: number) => void,
	log: Logger,
): Promise<ChildProcess> {
	const child = spawn(process.execPath, [path.join(root, "worker/src/main.ts")], {
		env: { ...process.env, DATABASE_URL: url },
		stdio: ["inherit", "inherit", "inherit", "ipc"],
	});
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error("the worker did not start within 60 s")), 60_000);
		child.on("message", (message: { type?: string }) => {
			if (message.type !== "worker-ready") return;
			clearTimeout(timer);
			resolve(child);
		});
		child.once("exit", (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`the worker exited during start (code ${code}, signal ${signal})`));
			if (!isStopping()) {
				log.error({ code, signal }, "the worker stopped unexpectedly");
				onCrash(1);
			}
		});
	});
}

/** SIGTERM, then up to 20 s for in-flight jobs to finish (pg-boss graceful stop), then SIGKILL. */
function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
		child.once("exit", () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill("SIGTERM");
	});
}

start().catch((err: unknown) => {
	console.error(err instanceof EnvError ? err.message : err);
	process.exit(1);
});
