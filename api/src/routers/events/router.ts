import * as v from "valibot";
import { getPublicEvent } from "../../services/events/get-public-event.ts";
import { listPublicEvents } from "../../services/events/list-public-events.ts";
import { publicProcedure, router } from "../../trpc/init.ts";
import { requireStorage } from "../../trpc/require-storage.ts";
import { listMine } from "./list-mine.ts";

export const publicEventsInput = v.object({
	cursor: v.optional(v.pipe(v.string(), v.maxLength(60))),
	limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(48)), 24),
});

export const eventsRouter = router({
	listMine,
	listPublic: publicProcedure
		.input(publicEventsInput)
		.query(({ ctx, input }) => listPublicEvents({ db: ctx.deps.db, storage: requireStorage(ctx), ...input })),
	bySlug: publicProcedure
		.input(v.object({ slug: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,120}$/, "Event not found.")) }))
		.query(({ ctx, input }) =>
			getPublicEvent({ db: ctx.deps.db, storage: requireStorage(ctx), user: ctx.user, slug: input.slug }),
		),
});
