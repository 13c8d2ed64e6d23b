import { sessionCookie } from "../../services/auth/session-cookie.ts";
import { createSession } from "../../services/auth/sessions.ts";
import type { TrpcContext } from "../../trpc/context.ts";

/**
 * Web clients get an HttpOnly cookie and never see the token; mobile clients ask for
 * `session: "token"` and send it back as `Authorization: Bearer`.
 */
export async function issueSession(
	ctx: TrpcContext,
	userId: string,
	mode: "cookie" | "token",
): Promise<string | undefined> {
	const issued = await createSession(
		{ db: ctx.deps.db, ttlDays: ctx.deps.env.SESSION_TTL_DAYS },
		{ userId, userAgent: ctx.userAgent, ip: ctx.ip },
	);
	if (mode === "token") return issued.token;
	ctx.resHeaders.append("set-cookie", sessionCookie(ctx.deps.env, issued.token, issued.expiresAt));
	return undefined;
}
