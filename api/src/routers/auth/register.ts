import { userRoles } from "@focus-racer/db";
import * as v from "valibot";
import { registerUser } from "../../services/auth/register-user.ts";
import { publicProcedure } from "../../trpc/init.ts";
import { hitAuthRateLimit } from "./auth-rate-limit.ts";
import { issueSession } from "./issue-session.ts";
import { emailSchema, localeSchema, newPasswordSchema } from "./schemas.ts";

export const registerInput = v.object({
	email: emailSchema,
	password: newPasswordSchema,
	name: v.pipe(v.string(), v.trim(), v.minLength(1, "Enter your name."), v.maxLength(120)),
	role: v.optional(v.picklist(userRoles.filter((r) => r !== "admin")), "runner"),
	locale: v.optional(localeSchema, "fr"),
	session: v.optional(v.picklist(["cookie", "token"]), "cookie"),
});

export const register = publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
	await hitAuthRateLimit(ctx);
	const user = await registerUser({ db: ctx.deps.db, ...input });
	const token = await issueSession(ctx, user.id, input.session);
	return { user, token };
});
