import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { createDb, type DbHandle } from "../client.ts";
import type {} from "./provided-context.ts";

export interface TestDatabase extends DbHandle {
	url: string;
	name: string;
}

/**
 * A fresh database with every migration applied, private to the calling test file
 * (cloned from the template built by global-setup.ts). Never shared, never truncated.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
	const serverUrl = inject("pgServerUrl");
	const template = inject("pgTemplate");
	const name = `t_${randomBytes(6).toString("hex")}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`create database ${name} template ${template}`);
	} finally {
		await admin.end();
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = createDb(url.toString(), { max: 5 });
	return { ...handle, url: url.toString(), name };
}
