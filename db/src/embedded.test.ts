import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded.ts";
import { freePort } from "./testing/free-port.ts";

const root = mkdtempSync(path.join(tmpdir(), "focus-racer-embedded-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function selectOne(url: string): Promise<number> {
	const sql = postgres(url, { max: 1 });
	try {
		const [row] = await sql<{ n: number }[]>`select 1 as n`;
		return row?.n ?? 0;
	} finally {
		await sql.end();
	}
}

describe("embedded PostgreSQL", () => {
	it("creates a cluster, keeps its data across restarts, and stops cleanly", async () => {
		const dataDir = path.join(root, "reuse");
		const port = await freePort();
		const first = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
		const sql = postgres(first.url, { max: 1 });
		await sql`create table kept (v text)`;
		await sql`insert into kept values ('still here')`;
		await sql.end();
		await first.stop();
		expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);

		const logs: string[] = [];
		const second = await startEmbeddedPostgres({ dataDir, port, log: (m) => logs.push(m) });
		const again = postgres(second.url, { max: 1 });
		const rows = await again`select v from kept`;
		await again.end();
		await second.stop();
		expect(rows.map((r) => r.v)).toEqual(["still here"]);
		expect(logs.some((m) => m.includes("creating a new"))).toBe(false);
	});

	// Only root runs the server as another user; for anyone else the data dir is their own.
	it.runIf(process.getuid?.() === 0)("as root, reaches a data directory under a 0700 directory", async () => {
		const locked = path.join(root, "private");
		mkdirSync(locked, { mode: 0o700 });
		chmodSync(locked, 0o700);
		const logs: string[] = [];
		const pg = await startEmbeddedPostgres({
			dataDir: path.join(locked, "pg"),
			port: await freePort(),
			ephemeral: true,
			log: (m) => logs.push(m),
		});
		expect(await selectOne(pg.url)).toBe(1);
		await pg.stop();
		expect(logs.join("\n")).toMatch(/search permission \(o\+x\) on .*private/);
		expect(statSync(locked).mode & 0o007).toBe(0o001);
	});

	it("recovers from a stale lock whose process is gone", async () => {
		const dataDir = path.join(root, "stale");
		const port = await freePort();
		const pg = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
		await pg.stop();
		// A pid that cannot exist (above pid_max): what a crash of the whole machine leaves.
		writeFileSync(path.join(dataDir, "postmaster.pid"), `99999999\n${dataDir}\n`);
		const logs: string[] = [];
		const again = await startEmbeddedPostgres({ dataDir, port, log: (m) => logs.push(m) });
		expect(await selectOne(again.url)).toBe(1);
		await again.stop();
		expect(logs.join("\n")).toMatch(/removed a stale lock/);
	});

	it("stops an orphaned server left by a process killed with SIGKILL, then starts", async () => {
		const dataDir = path.join(root, "orphan");
		const port = await freePort();
		const script = `
			import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve(import.meta.dirname, "embedded.ts"))};
			await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, ephemeral: true });
			process.kill(process.pid, "SIGKILL");
		`;
		const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "inherit" });
		const signal = await new Promise((resolve) => child.once("exit", (_code, sig) => resolve(sig)));
		expect(signal).toBe("SIGKILL");
		expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true);

		const logs: string[] = [];
		const pg = await startEmbeddedPostgres({ dataDir, port, log: (m) => logs.push(m) });
		expect(await selectOne(pg.url)).toBe(1);
		await pg.stop();
		expect(logs.join("\n")).toMatch(/left running by a previous run/);
	});
});
