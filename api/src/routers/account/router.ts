import { locales } from "@focus-racer/db";
import * as v from "valibot";
import { exportMyData, listMyGdprRequests, requestDeletion } from "../../services/account/gdpr-requests.ts";
import { getProfile, updateProfile } from "../../services/account/update-profile.ts";
import { hitRateLimit } from "../../services/rate-limit/hit-rate-limit.ts";
import { authedProcedure, router } from "../../trpc/init.ts";
import { requireStorage } from "../../trpc/require-storage.ts";

export const profileInput = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1, "Give your name."), v.maxLength(120)),
	phone: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(40)))),
	locale: v.picklist(locales),
});

export const accountRouter = router({
	profile: authedProcedure.query(({ ctx }) => getProfile(ctx.deps.db, ctx.user.id)),
	updateProfile: authedProcedure
		.input(profileInput)
		.mutation(({ ctx, input }) => updateProfile(ctx.deps.db, ctx.user.id, input)),
	gdprRequests: authedProcedure.query(({ ctx }) =>
		listMyGdprRequests({ db: ctx.deps.db, storage: requireStorage(ctx) }, ctx.user.id),
	),
	exportData: authedProcedure.mutation(async ({ ctx }) => {
		// Each export reads every table of the account: a few per hour is plenty.
		await hitRateLimit({ db: ctx.deps.db, key: `gdpr-export:${ctx.user.id}`, limit: 5, windowSeconds: 3600 });
		return exportMyData({ db: ctx.deps.db, storage: requireStorage(ctx) }, ctx.user);
	}),
	requestDeletion: authedProcedure
		.input(v.object({ message: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000))) }))
		.mutation(({ ctx, input }) => requestDeletion(ctx.deps.db, ctx.user, input.message)),
});
