import * as v from "valibot";
import { changePassword as changePasswordService } from "../../services/auth/change-password.ts";
import { authedProcedure } from "../../trpc/init.ts";
import { newPasswordSchema } from "./schemas.ts";

export const changePasswordInput = v.object({
	currentPassword: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
	newPassword: newPasswordSchema,
});

export const changePassword = authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
	await changePasswordService({ db: ctx.deps.db, userId: ctx.user.id, sessionId: ctx.session.id, ...input });
	return { ok: true as const };
});
