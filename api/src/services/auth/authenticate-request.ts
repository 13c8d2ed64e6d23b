import type { AppDeps } from "../../deps.ts";
import { readSessionCookie, sessionCookie } from "./session-cookie.ts";
import { type PublicUser, validateSessionToken } from "./sessions.ts";

export type AuthMethod = "cookie" | "bearer";

export interface RequestAuth {
	user: PublicUser | null;
	session: { id: string; expiresAt: Date } | null;
	authMethod: AuthMethod | null;
	/** A Set-Cookie to send back when the sliding expiry moved. */
	refreshedCookie?: string;
}

function bearerToken(header: string | null): string | undefined {
	return header?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/**
 * Resolves the caller of any request (tRPC or plain HTTP): Bearer token (mobile) first, else the
 * session cookie (web).
 */
export async function authenticateRequest(deps: AppDeps, headers: Headers): Promise<RequestAuth> {
	const bearer = bearerToken(headers.get("authorization"));
	const cookie = bearer ? undefined : readSessionCookie(headers.get("cookie"));
	const token = bearer ?? cookie;
	const anonymous: RequestAuth = { user: null, session: null, authMethod: null };
	if (!token) return anonymous;
	const validated = await validateSessionToken({ db: deps.db, ttlDays: deps.env.SESSION_TTL_DAYS }, token);
	if (!validated) return anonymous;
	return {
		user: validated.user,
		session: validated.session,
		authMethod: bearer ? "bearer" : "cookie",
		...(validated.refreshed && cookie
			? { refreshedCookie: sessionCookie(deps.env, cookie, validated.session.expiresAt) }
			: {}),
	};
}
