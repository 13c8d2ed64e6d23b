import { StripeSignatureError, verifyStripeWebhook } from "@focus-racer/core";
import type { App } from "../app.ts";
import type { AppDeps } from "../deps.ts";
import { handleStripeEvent } from "../services/stripe/handle-stripe-event.ts";
import { siteUrl } from "./site-url.ts";

/**
 * POST /api/stripe/webhook: Stripe's events, checked against STRIPE_WEBHOOK_SECRET on the raw
 * body. 400 for a bad signature (Stripe stops retrying a request that can never pass), 500 when
 * handling failed (Stripe retries, and the event id makes the retry safe), 200 otherwise.
 */
export function mountStripeWebhookRoute(app: App, deps: AppDeps): void {
	app.post("/api/stripe/webhook", async (c) => {
		const payments = deps.payments;
		if (!payments?.stripe || !payments.webhookSecret || !deps.mailer) {
			return c.json({ error: { code: "NOT_FOUND", message: "Stripe is not configured on this site." } }, 404);
		}
		const body = await c.req.text();
		let event: ReturnType<typeof verifyStripeWebhook>;
		try {
			event = verifyStripeWebhook(
				payments.stripe,
				body,
				c.req.header("stripe-signature"),
				payments.webhookSecret,
			);
		} catch (error) {
			if (error instanceof StripeSignatureError) {
				deps.log.warn({ reason: error.reason }, error.message);
				return c.json({ error: { code: "BAD_REQUEST", message: error.message } }, 400);
			}
			throw error;
		}
		await handleStripeEvent(
			{
				db: deps.db,
				stripe: payments.stripe,
				log: deps.log,
				mailer: deps.mailer,
				siteUrl: siteUrl(deps.env),
			},
			event,
		);
		return c.json({ received: true });
	});
}
