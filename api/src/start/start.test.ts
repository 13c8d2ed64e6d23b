import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@focus-racer/db/testing/free-port";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "focus-racer-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
	child: ChildProcess;
	url: string;
	output: () => string;
}

/** `npm start` with nothing configured but where to keep its data and which ports to use. */
async function start(): Promise<Started> {
	const [port, pgPort] = [await freePort(), await freePort()];
	const env: Record<string, string | undefined> = {
		...process.env,
		DATA_DIR: dataDir,
		PORT: String(port),
		EMBEDDED_PG_PORT: String(pgPort),
		HOST: "127.0.0.1",
	};
	delete env.DATABASE_URL;
	const child = spawn(process.execPath, [path.join(root, "api/src/start/start.ts")], {
		cwd: root,
		env,
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no URL after 120 s:\n${output}`)), 120_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = output.match(/running at (http:\/\/\S+)/);
			if (match?.[1] && output.includes("Ctrl-C")) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout?.on("data", onData);
		child.stderr?.on("data", onData);
		child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
	});
	return { child, url, output: () => output };
}

function stop(child: ChildProcess): Promise<number | null> {
	return new Promise((resolve) => {
		child.once("close", (code) => resolve(code)); // close: after the output is drained
		child.kill("SIGINT");
	});
}

describe("npm start with nothing configured", () => {
	it("boots the embedded database, seeds the demo with its admin, stops on Ctrl-C and reuses the data", async () => {
		const first = await start();
		expect(first.output()).toMatch(/Database: embedded PostgreSQL/);
		expect(first.output()).toMatch(/admin\s+admin@focusracer\.example\s+focus-racer-demo/);
		expect(first.output()).toMatch(/Worker: running/);
		const health = await fetch(`${first.url}/healthz`);
		expect(health.status).toBe(200);
		const login = await fetch(`${first.url}/trpc/auth.login`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({
				email: "admin@focusracer.example",
				password: "focus-racer-demo",
				session: "token",
			}),
		});
		expect(login.status).toBe(200);
		expect(await stop(first.child)).toBe(0);
		expect(first.output()).toMatch(/worker stopped/);

		const second = await start();
		expect(second.output()).not.toMatch(/creating a new PostgreSQL cluster/);
		expect(second.output()).not.toMatch(/demo data seeded/);
		expect(second.output()).toMatch(/Demo logins:/);
		expect(await stop(second.child)).toBe(0);
		// Each stop lets the demo photos' AI jobs in flight finish (up to 15 s): on a loaded CI
		// machine two starts and two stops take longer than vitest's default 30 s.
	}, 240_000);
});
