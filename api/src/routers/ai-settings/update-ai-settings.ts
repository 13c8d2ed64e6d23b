import { aiSettingsSchema } from "@focus-racer/core";
import { updateAiSettings } from "../../services/ai-settings/ai-settings.ts";
import { adminProcedure } from "../../trpc/init.ts";

/** The whole set of overrides: a field left out goes back to its default. */
export const update = adminProcedure.input(aiSettingsSchema).mutation(({ ctx, input }) =>
	updateAiSettings({
		db: ctx.deps.db,
		env: ctx.deps.env,
		actorId: ctx.user.id,
		ip: ctx.ip,
		settings: input,
	}),
);
