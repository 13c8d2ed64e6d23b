import { createLogger, createQueue, type Env, EnvError, type Logger, loadEnv } from "@focus-racer/core";
import { createDb, type DbHandle } from "@focus-racer/db";
import type { PgBoss } from "pg-boss";

/** What a command gets: settings, a quiet logger, and connections it opens only if it needs them. */
export interface CliContext {
	env: Env;
	log: Logger;
	/** Plain output for people (stdout). */
	print: (line?: string) => void;
	/** A client pg-boss (no supervision, no cron): closed by the caller's `finally` via close(). */
	queue: () => Promise<PgBoss>;
	db: () => DbHandle;
	/** Closes whatever queue() and db() opened. */
	close: () => Promise<void>;
}

export interface CliCommand {
	/** One line for `help`. */
	summary: string;
	/** Arguments after the command name, for `help` (e.g. `--event <id> | --photo <id>`). */
	usage?: string;
	/** Resolves to the process exit code. */
	run: (args: string[], ctx: CliContext) => Promise<number>;
}

export function createCliContext(): CliContext {
	const env = loadEnv();
	// pg-boss warnings still show; info lines would drown the output meant for people.
	const log = createLogger({ LOG_LEVEL: process.env.LOG_LEVEL ? env.LOG_LEVEL : "warn" }, "cli");
	let boss: Promise<PgBoss> | undefined;
	let handle: DbHandle | undefined;
	const url = (): string => {
		if (!env.DATABASE_URL)
			throw new EnvError(
				"Invalid environment:\n  DATABASE_URL: required by this command (the database the workers use)",
			);
		return env.DATABASE_URL;
	};
	return {
		env,
		log,
		print: (line = "") => process.stdout.write(`${line}\n`),
		queue: () => {
			boss ??= createQueue({ url: url(), log, instanceName: "cli", background: false, poolSize: 2 });
			return boss;
		},
		db: () => {
			handle ??= createDb(url(), { max: 2 });
			return handle;
		},
		close: async () => {
			if (boss) await (await boss.catch(() => undefined))?.stop({ graceful: false });
			await handle?.close();
		},
	};
}
