import type { FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import type { Context as HonoContext } from "hono";
import type { AppDeps } from "../deps.ts";
import { clientIp } from "../http/client-ip.ts";
import { readSessionCookie, sessionCookie } from "../services/auth/session-cookie.ts";
import { type PublicUser, validateSessionToken } from "../services/auth/sessions.ts";

export type AuthMethod = "cookie" | "bearer";

export interface TrpcContext {
	deps: AppDeps;
	user: PublicUser | null;
	session: { id: string; expiresAt: Date } | null;
	authMethod: AuthMethod | null;
	ip: string;
	userAgent: string | undefined;
	resHeaders: Headers;
}

function bearerToken(header: string | null): string | undefined {
	const match = header?.match(/^Bearer\s+(\S+)$/i);
	return match?.[1];
}

/** Resolves the caller once per request: Bearer token (mobile) first, else the session cookie (web). */
export async function createContext(
	deps: AppDeps,
	opts: FetchCreateContextFnOptions,
	c: HonoContext,
): Promise<TrpcContext> {
	const bearer = bearerToken(opts.req.headers.get("authorization"));
	const cookie = bearer ? undefined : readSessionCookie(opts.req.headers.get("cookie"));
	const token = bearer ?? cookie;
	const base = {
		deps,
		ip: clientIp(c, deps.env),
		userAgent: opts.req.headers.get("user-agent") ?? undefined,
		resHeaders: opts.resHeaders,
	};
	if (!token) return { ...base, user: null, session: null, authMethod: null };
	const validated = await validateSessionToken({ db: deps.db, ttlDays: deps.env.SESSION_TTL_DAYS }, token);
	if (!validated) return { ...base, user: null, session: null, authMethod: null };
	if (validated.refreshed && cookie) {
		opts.resHeaders.append("set-cookie", sessionCookie(deps.env, cookie, validated.session.expiresAt));
	}
	return {
		...base,
		user: validated.user,
		session: validated.session,
		authMethod: bearer ? "bearer" : "cookie",
	};
}
