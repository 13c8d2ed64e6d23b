import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, EnvError, loadEnv } from "@focus-racer/core";
import { createApp } from "./app.ts";
import { prepareDatabase } from "./boot.ts";
import { startApiServices } from "./boot-services.ts";
import { listen } from "./server.ts";

/** The api process of a deployment (docker compose): DATABASE_URL required, workers run apart. */
async function main(): Promise<void> {
	const env = loadEnv();
	const log = createLogger(env, "api");
	if (!env.DATABASE_URL)
		throw new EnvError(
			"Invalid environment:\n  DATABASE_URL: required for the api process (npm start embeds one)",
		);
	const { handle } = await prepareDatabase({ env, url: env.DATABASE_URL, embedded: false, log });
	const webDist = fileURLToPath(new URL("../../web/dist", import.meta.url));
	// An api behind another static server (or a bench) runs without the build; say so loudly.
	const hasWeb = existsSync(path.join(webDist, "index.html"));
	if (!hasWeb) log.warn({ webDist }, "the web app is not built (npm run build): serving the api only");
	const services = await startApiServices({ env, url: env.DATABASE_URL, log, db: handle.db });
	const app = createApp({
		env,
		db: handle.db,
		log,
		...services.deps,
		...(hasWeb ? { webDist } : {}),
	});
	const server = await listen(app, { host: env.HOST, port: env.PORT });
	log.info({ url: env.PUBLIC_URL ?? server.url }, "api listening");
	const shutdown = async (signal: string) => {
		log.info({ signal }, "stopping");
		await server.close();
		await services.close();
		await handle.close();
		process.exit(0);
	};
	process.once("SIGINT", () => void shutdown("SIGINT"));
	process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
	console.error(err instanceof EnvError ? err.message : err);
	process.exit(1);
});
