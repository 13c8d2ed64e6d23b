import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** With `$client`, the postgres.js pool under drizzle (LISTEN for live progress). */
export type Db = PostgresJsDatabase<Schema> & { $client: postgres.Sql };

export interface DbHandle {
	db: Db;
	sql: postgres.Sql;
	close: () => Promise<void>;
}

/** One pool per process; callers pass the handle down (no module-level singleton). */
export function createDb(url: string, options: { max?: number } = {}): DbHandle {
	const sql = postgres(url, {
		max: options.max ?? 10,
		// Notices (e.g. "relation already exists, skipping") are noise in logs and tests.
		onnotice: () => {},
	});
	const db = drizzle({ client: sql, schema });
	return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
