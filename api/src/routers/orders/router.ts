import { locales } from "@focus-racer/db";
import * as v from "valibot";
import { siteUrl } from "../../http/site-url.ts";
import { orderDownloadsByToken } from "../../services/downloads/order-downloads.ts";
import { checkout } from "../../services/orders/checkout.ts";
import { listMyOrders, myOrderDownloads } from "../../services/orders/list-my-orders.ts";
import { payOrderInTestMode } from "../../services/orders/pay-test.ts";
import { hitRateLimit } from "../../services/rate-limit/hit-rate-limit.ts";
import { authedProcedure, publicProcedure, router } from "../../trpc/init.ts";
import { requireStorage } from "../../trpc/require-storage.ts";
import { cartInput } from "../cart/router.ts";
import { requireMailer, requirePayments } from "./require-payments.ts";

const token = v.pipe(v.string(), v.maxLength(64));

export const checkoutInput = v.object({
	...cartInput.entries,
	email: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email("Give a valid email address."))),
	name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120))),
	locale: v.optional(v.picklist(locales), "fr"),
});

/** Orders and checkouts per IP per 15 minutes: each one may create a PaymentIntent at Stripe. */
const checkoutRateLimit = { limit: 30, windowSeconds: 15 * 60 };

export const ordersRouter = router({
	/** What the checkout page shows: Stripe's Payment Element, the test payment, or nothing. */
	paymentConfig: publicProcedure.query(({ ctx }) => {
		const payments = requirePayments(ctx);
		return {
			mode: payments.mode,
			publishableKey: payments.mode === "stripe" ? payments.publishableKey : null,
		};
	}),
	checkout: publicProcedure.input(checkoutInput).mutation(async ({ ctx, input }) => {
		await hitRateLimit({ db: ctx.deps.db, key: `checkout:${ctx.ip}`, ...checkoutRateLimit });
		return checkout(
			{ db: ctx.deps.db, payments: requirePayments(ctx), log: ctx.deps.log },
			{
				...input,
				buyer: ctx.user ? { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name } : null,
				locale: ctx.user?.locale ?? input.locale,
			},
		);
	}),
	payTest: publicProcedure.input(v.object({ downloadToken: token })).mutation(({ ctx, input }) =>
		payOrderInTestMode(
			{
				db: ctx.deps.db,
				payments: requirePayments(ctx),
				log: ctx.deps.log,
				mailer: requireMailer(ctx),
				siteUrl: siteUrl(ctx.deps.env),
			},
			input.downloadToken,
		),
	),
	byToken: publicProcedure
		.input(v.object({ token }))
		.query(({ ctx, input }) =>
			orderDownloadsByToken({ db: ctx.deps.db, storage: requireStorage(ctx) }, input.token),
		),
	listMine: authedProcedure.query(({ ctx }) => listMyOrders(ctx.deps.db, ctx.user.id)),
	downloadsOf: authedProcedure
		.input(v.object({ orderId: v.pipe(v.string(), v.uuid()) }))
		.query(({ ctx, input }) =>
			myOrderDownloads({ db: ctx.deps.db, storage: requireStorage(ctx) }, ctx.user.id, input.orderId),
		),
});
