import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../embedded.ts";
import { migrateDatabase } from "../migrate.ts";
import { freePort } from "./free-port.ts";
import type {} from "./provided-context.ts";

export const templateName = "focus_racer_template";

/**
 * One PostgreSQL for the whole run: the embedded one in a temp dir, or the server of
 * DATABASE_URL when set (it must allow CREATE DATABASE). Migrations run once, into a template;
 * each test file clones it, which takes milliseconds.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
	let embedded: EmbeddedPostgres | undefined;
	let tempDir: string | undefined;
	let serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) {
		// Under the system temp dir (world-traversable) so the `postgres` user can reach it as root.
		tempDir = mkdtempSync(path.join(tmpdir(), "focus-racer-test-pg-"));
		embedded = await startEmbeddedPostgres({
			dataDir: path.join(tempDir, "pg"),
			port: await freePort(),
			database: "postgres",
			ephemeral: true,
		});
		serverUrl = embedded.url;
	}
	const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await sql.unsafe(`drop database if exists ${templateName} with (force)`);
	await sql.unsafe(`create database ${templateName}`);
	const templateUrl = new URL(serverUrl);
	templateUrl.pathname = `/${templateName}`;
	await migrateDatabase(templateUrl.toString());
	await sql.end();
	project.provide("pgServerUrl", serverUrl);
	project.provide("pgTemplate", templateName);
	return async () => {
		await embedded?.stop();
		if (tempDir) rmSync(tempDir, { recursive: true, force: true });
	};
}
