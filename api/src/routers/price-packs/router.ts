import * as v from "valibot";
import {
	createPricePack,
	listPricePacks,
	removePricePack,
	reorderPricePacks,
	updatePricePack,
} from "../../services/price-packs/manage-price-packs.ts";
import { proProcedure, router } from "../../trpc/init.ts";

const id = v.pipe(v.string(), v.uuid());

/** A pack as a pro types it: "5 photos" at 15 €, or "all my photos" (photoCount null). */
export const packFieldsInput = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1, "Give the pack a name."), v.maxLength(60)),
	priceCents: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000, "At most 1 000 €.")),
	photoCount: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
	isActive: v.optional(v.boolean(), true),
});

export const pricePacksRouter = router({
	list: proProcedure
		.input(v.object({ eventId: id }))
		.query(({ ctx, input }) => listPricePacks(ctx.deps.db, ctx.user, input.eventId)),
	create: proProcedure
		.input(v.object({ eventId: id, ...packFieldsInput.entries }))
		.mutation(({ ctx, input: { eventId, ...fields } }) =>
			createPricePack(ctx.deps.db, ctx.user, eventId, fields),
		),
	update: proProcedure
		.input(v.object({ packId: id, ...v.partial(packFieldsInput).entries }))
		.mutation(({ ctx, input: { packId, ...fields } }) =>
			updatePricePack(ctx.deps.db, ctx.user, packId, fields),
		),
	remove: proProcedure
		.input(v.object({ packId: id }))
		.mutation(({ ctx, input }) => removePricePack(ctx.deps.db, ctx.user, input.packId)),
	reorder: proProcedure
		.input(v.object({ eventId: id, packIds: v.pipe(v.array(id), v.maxLength(50)) }))
		.mutation(({ ctx, input }) => reorderPricePacks(ctx.deps.db, ctx.user, input.eventId, input.packIds)),
});
