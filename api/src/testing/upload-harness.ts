import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
	createLogger,
	createMailer,
	createQueue,
	createStorage,
	ensureQueues,
	loadEnv,
	type Storage,
} from "@focus-racer/core";
import { events, users } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { type App, createApp } from "../app.ts";
import { createPayments } from "../services/orders/payments.ts";
import { createTestUser, type TestUser } from "./factories.ts";
import { cookieFrom, testOrigin } from "./test-app.ts";

export interface UploadHarness {
	tdb: TestDatabase;
	app: App;
	storage: Storage;
	queue: PgBoss;
	mediaDir: string;
	env: ReturnType<typeof loadEnv>;
	close: () => Promise<void>;
}

/** The real app with real local storage (temp dir) and a real pg-boss on this file's database. */
export async function createUploadHarness(envOverrides: Record<string, string> = {}): Promise<UploadHarness> {
	const tdb = await createTestDatabase();
	const mediaDir = mkdtempSync(path.join(tmpdir(), "focus-racer-media-"));
	const env = loadEnv({
		NODE_ENV: "test",
		LOG_LEVEL: "silent",
		PUBLIC_URL: testOrigin,
		TRUST_PROXY: "true",
		DATABASE_URL: tdb.url,
		MEDIA_DIR: mediaDir,
		DATA_DIR: mediaDir,
		...envOverrides,
	});
	const log = createLogger(env, "api-test");
	const queue = await createQueue({ url: tdb.url, log, instanceName: "api-test", background: false });
	await ensureQueues(queue);
	const storage = createStorage(env);
	const mailer = createMailer({ db: tdb.db, from: env.MAIL_FROM, logger: log });
	const payments = createPayments(env);
	const app = createApp({ env, db: tdb.db, log, queue, storage, mailer, payments });
	return {
		tdb,
		app,
		storage,
		queue,
		mediaDir,
		env,
		close: async () => {
			mailer.close();
			await queue.stop({ graceful: false, close: true });
			await tdb.close();
			rmSync(mediaDir, { recursive: true, force: true });
		},
	};
}

/** A pro with credits, logged in, owning a fresh event. */
export async function createProWithEvent(
	h: UploadHarness,
	options: { credits: number; role?: "photographer" | "organizer" | "agency" },
): Promise<{ user: TestUser; cookie: string; eventId: string }> {
	const user = await createTestUser(h.tdb.db, { role: options.role ?? "photographer" });
	await h.tdb.db.update(users).set({ creditsBalance: options.credits }).where(eq(users.id, user.id));
	const [event] = await h.tdb.db
		.insert(events)
		.values({
			slug: `race-${user.id.slice(0, 8)}`,
			name: "Test race",
			date: "2026-10-18",
			place: "Lyon",
			ownerId: user.id,
		})
		.returning({ id: events.id });
	if (!event) throw new Error("event insert returned nothing");
	return { user, cookie: await loginCookie(h.app, user), eventId: event.id };
}

export async function loginCookie(app: App, user: TestUser): Promise<string> {
	const res = await app.request(`${testOrigin}/trpc/auth.login`, {
		method: "POST",
		headers: {
			"content-type": "application/json",
			origin: testOrigin,
			"x-forwarded-for": `login-${user.id}`,
		},
		body: JSON.stringify({ email: user.email, password: user.password }),
	});
	return cookieFrom(res.headers.get("set-cookie"));
}

export interface UploadResponse {
	batchId: string;
	accepted: number;
	rejected: number;
	results: Array<{
		name: string;
		clientRef?: string;
		status: "accepted" | "rejected";
		photoId?: string;
		reason?: string;
		message?: string;
	}>;
	error?: { code: string; message: string };
}

/** POSTs files as the web does (multipart `file` parts, `clientRefs` first). */
export async function uploadFiles(
	h: UploadHarness,
	options: {
		eventId: string;
		cookie?: string;
		batchId?: string;
		count?: number;
		files: Array<{ name: string; bytes: Buffer; clientRef?: string }>;
	},
): Promise<{ status: number; body: UploadResponse }> {
	const form = new FormData();
	form.append("clientRefs", JSON.stringify(options.files.map((f, i) => f.clientRef ?? `ref-${i}-${f.name}`)));
	for (const file of options.files) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
	const query = new URLSearchParams();
	if (options.batchId) query.set("batch", options.batchId);
	if (options.count) query.set("count", String(options.count));
	const res = await h.app.request(`${testOrigin}/api/events/${options.eventId}/photos?${query}`, {
		method: "POST",
		headers: { ...(options.cookie ? { cookie: options.cookie } : {}), origin: testOrigin },
		body: form,
	});
	return { status: res.status, body: (await res.json()) as UploadResponse };
}
