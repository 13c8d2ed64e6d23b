import { requirePublicEvent } from "@focus-racer/core";
import * as v from "valibot";
import { priceCart } from "../../services/cart/price-cart.ts";
import { findSeller } from "../../services/orders/seller-account.ts";
import { publicProcedure, router } from "../../trpc/init.ts";

/** What a cart holds; the browser keeps it, the server prices it (never the other way round). */
export const cartInput = v.object({
	eventId: v.pipe(v.string(), v.uuid()),
	photoIds: v.pipe(v.array(v.pipe(v.string(), v.uuid())), v.maxLength(2000)),
	allPhotosBibs: v.optional(
		v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(12))), v.maxLength(10)),
		[],
	),
});

export const cartRouter = router({
	price: publicProcedure.input(cartInput).query(async ({ ctx, input }) => {
		await requirePublicEvent(ctx.deps.db, { eventId: input.eventId, user: ctx.user });
		const seller = await findSeller(ctx.deps.db, input.eventId);
		return priceCart(ctx.deps.db, input, seller.serviceFeeCents);
	}),
});
