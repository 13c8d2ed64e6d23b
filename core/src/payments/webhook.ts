import { Stripe } from "stripe";

/** Why a webhook was refused: no header, a signature that does not match, or a replay. */
export type StripeSignatureFailure = "missing" | "invalid" | "expired";

/** A webhook request that is not provably from Stripe: answer 400 and do nothing. */
export class StripeSignatureError extends Error {
	override name = "StripeSignatureError";
	readonly reason: StripeSignatureFailure;

	constructor(reason: StripeSignatureFailure, message: string, options: { cause?: unknown } = {}) {
		super(message, { cause: options.cause });
		this.reason = reason;
	}
}

/**
 * Checks the `Stripe-Signature` header against the raw body (the exact bytes received: a
 * re-serialised JSON body never matches) and returns the event. Stripe's 5-minute tolerance
 * refuses a replayed old request; its own retries are signed afresh, so they pass.
 */
export function verifyStripeWebhook(
	stripe: Stripe,
	rawBody: string | Buffer,
	signatureHeader: string | undefined,
	secret: string,
): Stripe.Event {
	if (signatureHeader === undefined || signatureHeader.trim() === "") {
		throw new StripeSignatureError("missing", "Stripe webhook without a Stripe-Signature header");
	}
	try {
		return stripe.webhooks.constructEvent(rawBody, signatureHeader, secret);
	} catch (error) {
		if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
		// The SDK has no code for this case, only its message ("Timestamp outside the tolerance zone").
		if (/tolerance/i.test(error.message)) {
			throw new StripeSignatureError(
				"expired",
				`Stripe webhook signed more than ${stripe.webhooks.DEFAULT_TOLERANCE} s ago: a replay, or this server's clock is wrong`,
				{ cause: error },
			);
		}
		throw new StripeSignatureError(
			"invalid",
			"Stripe webhook signature does not match: another endpoint's STRIPE_WEBHOOK_SECRET, or a body altered on the way",
			{ cause: error },
		);
	}
}
