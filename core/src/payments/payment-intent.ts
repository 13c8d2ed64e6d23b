import type { Stripe } from "stripe";
import { AppError } from "../errors.ts";

/** Stripe's minimum charge for EUR and USD (other currencies differ; the shop sells in euros). */
export const minimumChargeCents = 50;
/** Stripe takes at most eight digits in the smallest unit. */
const maximumChargeCents = 99_999_999;

export interface PaymentIntentInput {
	orderId: string;
	eventId: string;
	totalCents: number;
	/** ISO 4217; sent lower-case as Stripe expects. */
	currency: string;
	buyerEmail: string;
	description: string;
	/** The seller's Connect account (`acct_…`); null: the platform keeps the whole payment. */
	destinationAccountId: string | null;
	/** The platform's share on a destination charge; ignored without a destination. */
	serviceFeeCents: number;
}

function invalid(message: string): AppError {
	return new AppError("BAD_REQUEST", message);
}

/**
 * The PaymentIntent of one order. With a destination it is a destination charge: the money
 * goes to the seller's account minus `application_fee_amount`, which stays with the platform;
 * Stripe's own fee is then taken from the platform's balance, not the seller's. Payment
 * methods are those enabled in the dashboard (cards, Apple/Google Pay, SEPA, ...).
 */
export function paymentIntentParams(input: PaymentIntentInput): Stripe.PaymentIntentCreateParams {
	const { totalCents, serviceFeeCents, destinationAccountId } = input;
	if (!Number.isInteger(totalCents) || totalCents < minimumChargeCents) {
		throw invalid(
			`A payment must be a whole number of cents, at least ${minimumChargeCents} (Stripe's minimum); this order totals ${totalCents}`,
		);
	}
	if (totalCents > maximumChargeCents) {
		throw invalid(`A payment can be at most ${maximumChargeCents} cents; this order totals ${totalCents}`);
	}
	if (!/^[a-z]{3}$/i.test(input.currency)) {
		throw invalid(
			`The currency must be a three-letter ISO 4217 code (got ${JSON.stringify(input.currency)})`,
		);
	}
	if (input.orderId === "" || input.eventId === "") throw invalid("A payment needs its order and event ids");

	const params: Stripe.PaymentIntentCreateParams = {
		amount: totalCents,
		currency: input.currency.toLowerCase(),
		automatic_payment_methods: { enabled: true },
		receipt_email: input.buyerEmail,
		description: input.description,
		// The webhook finds the order from these; Stripe returns them on every object and event.
		metadata: { order_id: input.orderId, event_id: input.eventId },
	};
	if (destinationAccountId === null) return params;

	if (!destinationAccountId.startsWith("acct_")) {
		throw invalid(`The destination must be a Stripe account id acct_… (got ${destinationAccountId})`);
	}
	if (!Number.isInteger(serviceFeeCents) || serviceFeeCents < 0) {
		throw invalid(`The service fee must be a whole, non-negative number of cents (got ${serviceFeeCents})`);
	}
	if (serviceFeeCents >= totalCents) {
		throw invalid(
			`The service fee (${serviceFeeCents} cents) must be less than the total (${totalCents} cents), or the seller receives nothing`,
		);
	}
	return {
		...params,
		transfer_data: { destination: destinationAccountId },
		application_fee_amount: serviceFeeCents,
	};
}

/** Stripe keeps an idempotency key 24 h: a retried or double-clicked checkout reuses the intent. */
export function paymentIntentIdempotencyKey(orderId: string): string {
	return `order-${orderId}-pi`;
}

/**
 * Creates the order's PaymentIntent, once: a second call for the same order answers the first
 * intent. The same key with other parameters is refused by Stripe (StripeIdempotencyError),
 * so an order's amounts must not change once its checkout has started.
 */
export function createPaymentIntent(
	stripe: Stripe,
	params: Stripe.PaymentIntentCreateParams,
	orderId: string,
): Promise<Stripe.Response<Stripe.PaymentIntent>> {
	return stripe.paymentIntents.create(params, { idempotencyKey: paymentIntentIdempotencyKey(orderId) });
}

export interface ChargeFees {
	/** The charge that paid the intent (`ch_…`); null before any charge. */
	chargeId: string | null;
	/**
	 * Stripe's processing fee from the charge's balance transaction, in the platform's
	 * settlement currency; null while Stripe has not booked it (e.g. a pending SEPA debit).
	 */
	stripeFeeCents: number | null;
	/** The transfer to the seller on a destination charge (`tr_…`); null otherwise. */
	transferId: string | null;
}

/** Reads what a paid intent cost and where its money went, in one request. */
export async function readChargeFees(stripe: Stripe, paymentIntentId: string): Promise<ChargeFees> {
	const intent = await stripe.paymentIntents.retrieve(paymentIntentId, {
		expand: ["latest_charge.balance_transaction"],
	});
	const charge = intent.latest_charge;
	if (charge === null) return { chargeId: null, stripeFeeCents: null, transferId: null };
	// Only reachable if Stripe ignored the expansion; the id is still worth keeping.
	if (typeof charge === "string") return { chargeId: charge, stripeFeeCents: null, transferId: null };
	const balance = charge.balance_transaction;
	const transfer = charge.transfer;
	return {
		chargeId: charge.id,
		stripeFeeCents: balance !== null && typeof balance === "object" ? balance.fee : null,
		transferId: typeof transfer === "string" ? transfer : (transfer?.id ?? null),
	};
}
