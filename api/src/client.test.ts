import { createLogger, loadEnv } from "@focus-racer/core";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { createApiClient } from "./client.ts";
import { listen, type RunningServer } from "./server.ts";
import { createTestUser } from "./testing/factories.ts";

let tdb: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
	tdb = await createTestDatabase();
	const env = loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent" });
	server = await listen(createApp({ env, db: tdb.db, log: createLogger(env, "api-test") }), {
		host: "127.0.0.1",
		port: 0,
	});
});
afterAll(async () => {
	await server.close();
	await tdb.close();
});

describe("typed api client (mobile)", () => {
	it("logs in for a token and calls the real server with a Bearer header", async () => {
		const u = await createTestUser(tdb.db, { role: "photographer" });
		let token: string | undefined;
		const client = createApiClient({ url: server.url, token: () => token });
		expect(await client.auth.me.query()).toBeNull();
		const res = await client.auth.login.mutate({ email: u.email, password: u.password, session: "token" });
		token = res.token;
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const me = await client.auth.me.query();
		expect(me?.id).toBe(u.id);
		expect(await client.credits.balance.query()).toEqual({ balance: 0 });
		await client.auth.logout.mutate();
		expect(await client.auth.me.query()).toBeNull();
	});

	it("surfaces authorization errors as typed client errors", async () => {
		const u = await createTestUser(tdb.db, { role: "runner" });
		const anon = createApiClient({ url: server.url });
		const { token } = await anon.auth.login.mutate({
			email: u.email,
			password: u.password,
			session: "token",
		});
		const client = createApiClient({ url: server.url, token });
		const err = await client.credits.balance.query().catch((e: unknown) => e);
		expect(err).toBeInstanceOf(TRPCClientError);
		expect((err as TRPCClientError<never>).data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
	});
});
