import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, hashPassword, loadEnv } from "@focus-racer/core";
import { createDb, events, migrateDatabase, users } from "@focus-racer/db";
import { startEmbeddedPostgres } from "@focus-racer/db/embedded";
import { freePort } from "@focus-racer/db/testing/free-port";
import { createApp } from "../app.ts";
import { startApiServices } from "../boot-services.ts";
import { listen } from "../server.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

export interface EndToEndResult {
	photos: number;
	seconds: number;
	photosPerSecond: number;
	ready: number;
}

/**
 * Upload → ready through the real system: an embedded PostgreSQL, the api listening on a port
 * (uploads over HTTP in chunks of 25, as the browser does) and one worker PROCESS consuming the
 * queue. Times from the first byte sent to the last photo `ready`.
 */
export async function measureEndToEnd(
	files: readonly Buffer[],
	log: (line: string) => void = () => {},
): Promise<EndToEndResult> {
	const dir = mkdtempSync(path.join(tmpdir(), "focus-racer-e2e-"));
	const pg = await startEmbeddedPostgres({
		dataDir: path.join(dir, "pg"),
		port: await freePort(),
		ephemeral: true,
	});
	let worker: ChildProcess | undefined;
	try {
		await migrateDatabase(pg.url);
		const env = loadEnv({
			LOG_LEVEL: "silent",
			DATABASE_URL: pg.url,
			DATA_DIR: dir,
			MEDIA_DIR: path.join(dir, "media"),
		});
		const logger = createLogger(env, "bench");
		const handle = createDb(pg.url);
		const services = await startApiServices({ env, url: pg.url, log: logger, db: handle.db });
		const server = await listen(createApp({ env, db: handle.db, log: logger, ...services.deps }), {
			host: "127.0.0.1",
			port: 0,
		});
		const password = "bench-password-123";
		const [user] = await handle.db
			.insert(users)
			.values({
				email: `bench-${randomUUID()}@example.com`,
				name: "Bench",
				role: "photographer",
				passwordHash: await hashPassword(password),
				creditsBalance: files.length,
			})
			.returning();
		if (!user) throw new Error("no user");
		const [event] = await handle.db
			.insert(events)
			.values({ slug: "bench", name: "Bench", date: "2026-10-18", place: "Lyon", ownerId: user.id })
			.returning();
		if (!event) throw new Error("no event");
		const login = await fetch(`${server.url}/trpc/auth.login`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ email: user.email, password, session: "token" }),
		});
		const token = ((await login.json()) as { result: { data: { token: string } } }).result.data.token;
		const auth = { authorization: `Bearer ${token}` };

		worker = spawn(process.execPath, [path.join(root, "worker/src/main.ts")], {
			env: {
				...process.env,
				DATABASE_URL: pg.url,
				DATA_DIR: dir,
				MEDIA_DIR: path.join(dir, "media"),
				LOG_LEVEL: "error",
			},
			stdio: ["ignore", "inherit", "inherit", "ipc"],
		});
		await new Promise<void>((resolve, reject) => {
			worker?.once("message", () => resolve());
			worker?.once("exit", (code) => reject(new Error(`worker exited ${code}`)));
		});

		const started = performance.now();
		const create = await fetch(`${server.url}/trpc/uploads.create`, {
			method: "POST",
			headers: { "content-type": "application/json", ...auth },
			// The bench repeats a few photos to reach its count: keep them all (no dedupe) so every
			// one goes through the whole pipeline.
			body: JSON.stringify({
				eventId: event.id,
				expectedCount: files.length,
				options: { removeDuplicates: false, filterBlurry: false, autoRetouch: false, smartCrop: false },
			}),
		});
		const batchId = ((await create.json()) as { result: { data: { batchId: string } } }).result.data.batchId;
		for (let i = 0; i < files.length; i += 25) {
			const chunk = files.slice(i, i + 25);
			const form = new FormData();
			form.append("clientRefs", JSON.stringify(chunk.map((_, j) => `f${i + j}`)));
			chunk.forEach((bytes, j) => {
				form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), `p${i + j}.jpg`);
			});
			const res = await fetch(`${server.url}/api/events/${event.id}/photos?batch=${batchId}`, {
				method: "POST",
				headers: auth,
				body: form,
			});
			if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
		}
		log(
			`  uploaded ${files.length} photos in ${((performance.now() - started) / 1000).toFixed(1)} s; waiting for ready…`,
		);
		let ready = 0;
		let final = 0;
		while (final < files.length) {
			await new Promise((r) => setTimeout(r, 100));
			const [row] = await handle.sql<{ ready: number; final: number }[]>`
				select count(*) filter (where status = 'ready')::int as ready,
				       count(*) filter (where status in ('ready', 'rejected', 'failed'))::int as final
				from photos where event_id = ${event.id}`;
			ready = row?.ready ?? 0;
			final = row?.final ?? 0;
		}
		const seconds = (performance.now() - started) / 1000;
		await server.close();
		await services.close();
		await handle.close();
		return { photos: files.length, seconds, photosPerSecond: files.length / seconds, ready };
	} finally {
		if (worker && worker.exitCode === null) {
			const exited = new Promise((r) => worker?.once("exit", r));
			worker.kill("SIGTERM");
			await exited;
		}
		await pg.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
