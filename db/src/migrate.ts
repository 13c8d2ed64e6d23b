import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** Applies the committed drizzle-kit migrations (never `push`). Safe to run at every start. */
export async function migrateDatabase(url: string): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await migrate(drizzle({ client: sql }), { migrationsFolder });
	} finally {
		await sql.end({ timeout: 5 });
	}
}
