import { creditOfferIds, creditOffers } from "@focus-racer/core";
import * as v from "valibot";
import { siteUrl } from "../../http/site-url.ts";
import { creditHistory } from "../../services/credits/credit-history.ts";
import { payCreditsInTestMode, startCreditPurchase } from "../../services/credits/credit-purchases.ts";
import { proProcedure, router } from "../../trpc/init.ts";
import { requirePayments } from "../orders/require-payments.ts";
import { balance } from "./get-balance.ts";

const offerInput = v.object({ offerId: v.picklist(creditOfferIds) });

export const creditsRouter = router({
	balance,
	offers: proProcedure.query(({ ctx }) => ({ offers: creditOffers, mode: requirePayments(ctx).mode })),
	history: proProcedure
		.input(v.optional(v.object({ before: v.optional(v.pipe(v.string(), v.isoTimestamp())) }), {}))
		.query(({ ctx, input }) => creditHistory(ctx.deps.db, ctx.user.id, input.before)),
	/** Stripe Checkout's page for the offer, or `{ mode: "test" }` for the explicit test payment. */
	buy: proProcedure
		.input(
			v.object({
				...offerInput.entries,
				returnPath: v.optional(v.pipe(v.string(), v.regex(/^\/[a-z0-9/_-]*$/)), "/pro/credits"),
			}),
		)
		.mutation(({ ctx, input }) =>
			startCreditPurchase(
				{ db: ctx.deps.db, payments: requirePayments(ctx), siteUrl: siteUrl(ctx.deps.env) },
				ctx.user,
				input,
			),
		),
	payTest: proProcedure
		.input(offerInput)
		.mutation(({ ctx, input }) =>
			payCreditsInTestMode({ db: ctx.deps.db, payments: requirePayments(ctx) }, ctx.user, input.offerId),
		),
});
