import { type Env, hashPassword, type Logger } from "@focus-racer/core";
import { createDb, type DbHandle, migrateDatabase } from "@focus-racer/db";
import { type DemoAccount, seedDemo } from "@focus-racer/db/seed";
import { ensureAdmin } from "./services/users/ensure-admin.ts";

export interface PreparedDatabase {
	handle: DbHandle;
	/** The demo logins, when the demo seed ran now or earlier. */
	demoAccounts: DemoAccount[];
}

/**
 * Shared by `npm start` and the production api: migrate, seed the demo on an empty database
 * when asked, and make sure the configured admin exists.
 */
export async function prepareDatabase(options: {
	env: Env;
	url: string;
	embedded: boolean;
	log: Logger;
}): Promise<PreparedDatabase> {
	const { env, log } = options;
	await migrateDatabase(options.url);
	const handle = createDb(options.url);
	const seedWanted = env.DEMO_SEED === "true" || (env.DEMO_SEED === "auto" && options.embedded);
	let demoAccounts: DemoAccount[] = [];
	if (seedWanted) {
		// The demo admin only exists on the embedded default: a real deployment gets its admin from env.
		const result = await seedDemo(handle.db, { hashPassword, includeAdmin: options.embedded });
		demoAccounts = result.accounts;
		if (result.seeded) log.info("demo data seeded");
	}
	if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
		const outcome = await ensureAdmin({
			db: handle.db,
			email: env.ADMIN_EMAIL,
			password: env.ADMIN_PASSWORD,
		});
		if (outcome !== "unchanged") log.info({ email: env.ADMIN_EMAIL }, `admin account ${outcome}`);
	}
	return { handle, demoAccounts };
}
