import type { Env, Logger, Storage } from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import type { PgBoss } from "pg-boss";

/** Everything the api needs, passed in (ARCHITECTURE §8.4): tests build the app with their own. */
export interface AppDeps {
	env: Env;
	db: Db;
	log: Logger;
	/** pg-boss, to enqueue jobs (uploads). Optional so auth-only tests need no queue. */
	queue?: PgBoss;
	/** Media storage (uploads, media route). */
	storage?: Storage;
	/** Folder of the built web app; unset: the api serves no static files. */
	webDist?: string;
}
