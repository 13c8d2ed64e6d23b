import type { Logger, Stripe } from "@focus-racer/core";
import type { Db } from "@focus-racer/db";
import {
	onCheckoutAsyncPaid,
	onCheckoutCompleted,
	onInvoicePaid,
	onSubscriptionChanged,
} from "../credits/credit-stripe-events.ts";
import { onPaymentIntentEnded, onPaymentIntentSucceeded } from "../orders/order-payment-events.ts";
import type { ReceiptDeps } from "../orders/receipt.ts";
import { onAccountUpdated } from "../payouts/connect-events.ts";
import { recordStripeEvent } from "./record-stripe-event.ts";

export interface StripeEventDeps extends ReceiptDeps {
	db: Db;
	stripe: Stripe;
	log: Logger;
}

/**
 * Every Stripe event the platform acts on, fulfilled by webhook only (PRODUCT §4, §5). Each
 * event id is recorded in the transaction of its effects, so replays and duplicates change
 * nothing; handlers accept events in any order. Other types are recorded and ignored.
 */
export async function handleStripeEvent(deps: StripeEventDeps, event: Stripe.Event): Promise<void> {
	switch (event.type) {
		case "payment_intent.succeeded":
			return onPaymentIntentSucceeded(deps, event);
		case "payment_intent.payment_failed":
		case "payment_intent.canceled":
			return onPaymentIntentEnded(deps, event);
	}
	await deps.db.transaction(async (tx) => {
		if (!(await recordStripeEvent(tx, event))) return;
		switch (event.type) {
			case "checkout.session.completed":
				return onCheckoutCompleted(tx, event.data.object, deps.log);
			case "checkout.session.async_payment_succeeded":
				return onCheckoutAsyncPaid(tx, event.data.object);
			case "invoice.payment_succeeded":
				return onInvoicePaid(tx, event.data.object, deps.log);
			case "customer.subscription.updated":
			case "customer.subscription.deleted":
				return onSubscriptionChanged(tx, event.data.object);
			case "account.updated":
				return onAccountUpdated(tx, event.data.object);
		}
	});
}
