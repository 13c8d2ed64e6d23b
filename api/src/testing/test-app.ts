import { createLogger, loadEnv } from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import { createApp } from "../app.ts";

export const testOrigin = "http://focus-racer.test";

/** Each call comes from its own client IP unless a test names one. */
let clientCount = 0;

/** The real app over a test database; requests go through Hono in-process (no socket). */
export function createTestApp(db: Db, envOverrides: Record<string, string> = {}) {
	// TRUST_PROXY lets each call name its client IP, so tests do not share one rate-limit budget.
	const env = loadEnv({
		NODE_ENV: "test",
		LOG_LEVEL: "silent",
		PUBLIC_URL: testOrigin,
		TRUST_PROXY: "true",
		...envOverrides,
	});
	const app = createApp({ env, db, log: createLogger(env, "api-test") });
	return { app, env, call: caller(app) };
}

export interface CallResult<T = unknown> {
	status: number;
	headers: Headers;
	data: T;
	error?: {
		message: string;
		data: { code: string; httpStatus: number; retryAfter?: number; fieldErrors?: unknown };
	};
	setCookie: string | null;
}

/**
 * Calls one tRPC procedure the way the web does (GET for queries, POST JSON for mutations,
 * Origin header on POST). Pass `cookie` or `bearer` to act as someone.
 */
function caller(app: ReturnType<typeof createApp>) {
	return async <T = unknown>(
		kind: "query" | "mutation",
		path: string,
		input?: unknown,
		auth: { cookie?: string; bearer?: string; origin?: string | null; ip?: string } = {},
	): Promise<CallResult<T>> => {
		const headers: Record<string, string> = {};
		if (auth.cookie) headers.cookie = auth.cookie;
		if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
		headers["x-forwarded-for"] = auth.ip ?? `test-client-${++clientCount}`;
		let url = `${testOrigin}/trpc/${path}`;
		let init: RequestInit;
		if (kind === "query") {
			if (input !== undefined) url += `?input=${encodeURIComponent(JSON.stringify(input))}`;
			init = { method: "GET", headers };
		} else {
			headers["content-type"] = "application/json";
			if (auth.origin !== null) headers.origin = auth.origin ?? testOrigin;
			init = { method: "POST", headers, body: JSON.stringify(input ?? null) };
		}
		const res = await app.request(url, init);
		const body = (await res.json()) as { result?: { data: T }; error?: CallResult["error"] };
		return {
			status: res.status,
			headers: res.headers,
			data: body.result?.data as T,
			...(body.error ? { error: body.error } : {}),
			setCookie: res.headers.get("set-cookie"),
		};
	};
}

/**
 * The short form most router tests use: `call(kind, path, input, cookie?)` → status, data and
 * the error's code and message. Each call comes from its own client IP.
 */
export function trpcCaller(app: ReturnType<typeof createApp>) {
	const call = caller(app);
	return async <T = unknown>(kind: "query" | "mutation", path: string, input?: unknown, cookie?: string) => {
		const res = await call<T>(kind, path, input, cookie ? { cookie } : {});
		return { status: res.status, data: res.data, code: res.error?.data.code, message: res.error?.message };
	};
}

/** `fr_session=…` from a Set-Cookie header, ready for a Cookie header. */
export function cookieFrom(setCookie: string | null): string {
	const pair = setCookie?.split(";")[0];
	if (!pair?.startsWith("fr_session=")) throw new Error(`no session cookie in ${setCookie}`);
	return pair;
}
