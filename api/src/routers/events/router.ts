import { slugFor } from "@focus-racer/core";
import * as v from "valibot";
import { deleteEvent } from "../../services/events/delete-event.ts";
import { getPublicEvent } from "../../services/events/get-public-event.ts";
import { listPublicEvents } from "../../services/events/list-public-events.ts";
import { createEvent, getManagedEvent, updateEvent } from "../../services/events/manage-event.ts";
import { recordEventVisit } from "../../services/stats/record-visit.ts";
import { proProcedure, publicProcedure, router } from "../../trpc/init.ts";
import { requireStorage } from "../../trpc/require-storage.ts";
import { createEventInput, updateEventInput } from "./event-fields.ts";
import { listMine } from "./list-mine.ts";

const eventId = v.pipe(v.string(), v.uuid());

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
		.query(async ({ ctx, input }) => {
			const event = await getPublicEvent({
				db: ctx.deps.db,
				storage: requireStorage(ctx),
				user: ctx.user,
				slug: input.slug,
			});
			// Viewers of the conversion rate; a failed count must not fail the page.
			if (event.visibility === "public") {
				await recordEventVisit(ctx.deps.db, {
					eventId: event.id,
					ip: ctx.ip,
					userAgent: ctx.userAgent,
				}).catch((err: unknown) => ctx.deps.log.warn({ err }, "event visit not counted"));
			}
			return event;
		}),
	get: proProcedure
		.input(v.object({ eventId }))
		.query(({ ctx, input }) =>
			getManagedEvent({ db: ctx.deps.db, storage: requireStorage(ctx) }, ctx.user, input.eventId),
		),
	create: proProcedure
		.input(createEventInput)
		.mutation(({ ctx, input }) =>
			createEvent(ctx.deps.db, ctx.user, { ...input, slug: input.slug ?? slugFor(input.name, input.date) }),
		),
	update: proProcedure
		.input(updateEventInput)
		.mutation(({ ctx, input: { eventId, ...fields } }) =>
			updateEvent(ctx.deps.db, ctx.user, eventId, fields),
		),
	delete: proProcedure
		.input(v.object({ eventId, confirmSlug: v.pipe(v.string(), v.maxLength(120)) }))
		.mutation(({ ctx, input }) =>
			deleteEvent(
				{
					db: ctx.deps.db,
					storage: requireStorage(ctx),
					log: ctx.deps.log,
					ai: ctx.deps.ai,
					aiSettings: ctx.deps.aiSettings,
				},
				ctx.user,
				input,
			),
		),
});
