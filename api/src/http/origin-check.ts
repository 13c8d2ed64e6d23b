import type { Env } from "@focus-racer/core";
import type { MiddlewareHandler } from "hono";
import { readSessionCookie } from "../services/auth/session-cookie.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence of lucia's guide: a state-changing request that rides on the session cookie
 * must come from our own origin (PUBLIC_URL, or the Host it was sent to when PUBLIC_URL is
 * unset). Bearer-token requests carry no ambient credentials and pass.
 */
export function originCheck(env: Pick<Env, "PUBLIC_URL">): MiddlewareHandler {
	const configuredHost = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).host : undefined;
	return async (c, next) => {
		if (safeMethods.has(c.req.method) || !readSessionCookie(c.req.header("cookie") ?? null)) return next();
		if (c.req.header("authorization")?.toLowerCase().startsWith("bearer ")) return next();
		const origin = c.req.header("origin");
		const expected = configuredHost ?? c.req.header("host");
		let originHost: string | undefined;
		try {
			originHost = origin ? new URL(origin).host : undefined;
		} catch {
			originHost = undefined;
		}
		if (!originHost || !expected || originHost !== expected) {
			return c.json({ error: { message: "Cross-site request refused (Origin check)." } }, 403);
		}
		return next();
	};
}
