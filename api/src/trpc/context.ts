import type { FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import type { Context as HonoContext } from "hono";
import type { AppDeps } from "../deps.ts";
import { clientIp } from "../http/client-ip.ts";
import { type AuthMethod, authenticateRequest } from "../services/auth/authenticate-request.ts";
import type { PublicUser } from "../services/auth/sessions.ts";

export interface TrpcContext {
	deps: AppDeps;
	user: PublicUser | null;
	session: { id: string; expiresAt: Date } | null;
	authMethod: AuthMethod | null;
	ip: string;
	userAgent: string | undefined;
	resHeaders: Headers;
}

/** Resolves the caller once per request. */
export async function createContext(
	deps: AppDeps,
	opts: FetchCreateContextFnOptions,
	c: HonoContext,
): Promise<TrpcContext> {
	const auth = await authenticateRequest(deps, opts.req.headers);
	if (auth.refreshedCookie) opts.resHeaders.append("set-cookie", auth.refreshedCookie);
	return {
		deps,
		user: auth.user,
		session: auth.session,
		authMethod: auth.authMethod,
		ip: clientIp(c, deps.env),
		userAgent: opts.req.headers.get("user-agent") ?? undefined,
		resHeaders: opts.resHeaders,
	};
}
