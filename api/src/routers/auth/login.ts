import * as v from "valibot";
import { logIn } from "../../services/auth/log-in.ts";
import { publicProcedure } from "../../trpc/init.ts";
import { hitAuthRateLimit } from "./auth-rate-limit.ts";
import { issueSession } from "./issue-session.ts";
import { emailSchema } from "./schemas.ts";

export const loginInput = v.object({
	email: emailSchema,
	password: v.pipe(v.string(), v.minLength(1, "Enter your password."), v.maxLength(256)),
	session: v.optional(v.picklist(["cookie", "token"]), "cookie"),
});

export const login = publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
	await hitAuthRateLimit(ctx);
	const user = await logIn({ db: ctx.deps.db, email: input.email, password: input.password });
	const token = await issueSession(ctx, user.id, input.session);
	return { user, token };
});
