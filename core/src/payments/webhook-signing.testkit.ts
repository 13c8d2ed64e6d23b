import { Stripe } from "stripe";

/**
 * TEST KIT: the `Stripe-Signature` header Stripe would send with `payload` (the exact body
 * string), signed with the endpoint's `secret`. `timestamp` is in Unix seconds, default now;
 * an old one exercises the replay guard.
 */
export function signStripeEventForTest(payload: string, secret: string, timestamp?: number): string {
	return Stripe.webhooks.generateTestHeaderString({
		payload,
		secret,
		...(timestamp === undefined ? {} : { timestamp }),
	});
}
