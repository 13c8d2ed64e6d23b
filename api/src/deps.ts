import type { Env, Logger } from "@focus-racer/core";
import type { Db } from "@focus-racer/db";

/** Everything the api needs, passed in (ARCHITECTURE §8.4): tests build the app with their own. */
export interface AppDeps {
	env: Env;
	db: Db;
	log: Logger;
	/** Folder of the built web app; unset: the api serves no static files. */
	webDist?: string;
}
