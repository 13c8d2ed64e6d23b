import { clearedSessionCookie } from "../../services/auth/session-cookie.ts";
import { invalidateSession } from "../../services/auth/sessions.ts";
import { publicProcedure } from "../../trpc/init.ts";

/** Public so that logging out with an already expired session still clears the cookie. */
export const logout = publicProcedure.mutation(async ({ ctx }) => {
	if (ctx.session) await invalidateSession(ctx.deps.db, ctx.session.id);
	ctx.resHeaders.append("set-cookie", clearedSessionCookie(ctx.deps.env));
	return { ok: true as const };
});
