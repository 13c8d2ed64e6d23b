import { type Logger, readChargeFees, type Stripe } from "@focus-racer/core";
import { type Db, orders } from "@focus-racer/db";
import { and, eq, inArray } from "drizzle-orm";
import { markOrderPaid, recordStripeEvent } from "./fulfil-order.ts";
import { type ReceiptDeps, sendReceiptIfDue } from "./receipt.ts";

export interface StripeWebhookDeps extends ReceiptDeps {
	db: Db;
	stripe: Stripe;
	log: Logger;
}

/** The order a PaymentIntent pays: its metadata, else the id stored at checkout. */
async function orderOf(db: Db, intent: Stripe.PaymentIntent): Promise<string | null> {
	const fromMetadata = intent.metadata?.order_id;
	if (fromMetadata && /^[0-9a-f-]{36}$/i.test(fromMetadata)) return fromMetadata;
	const [row] = await db
		.select({ id: orders.id })
		.from(orders)
		.where(eq(orders.stripePaymentIntentId, intent.id));
	return row?.id ?? null;
}

/**
 * Fulfilment by webhook only (PRODUCT §4). Each event id is recorded in the transaction of its
 * effects, so a replay changes nothing; events may come in any order: a failure after the
 * success leaves the order paid, a success after a failure pays it. Other event types are
 * recorded and ignored (the credits and Connect issues add theirs).
 */
export async function handleStripeEvent(deps: StripeWebhookDeps, event: Stripe.Event): Promise<void> {
	const { db, log } = deps;
	let paidOrderId: string | null = null;
	if (event.type === "payment_intent.succeeded") {
		const intent = event.data.object;
		const orderId = await orderOf(db, intent);
		if (!orderId) {
			log.warn({ eventId: event.id, paymentIntentId: intent.id }, "payment for no known order");
		}
		// Read before the transaction: a network call must not hold the order's row lock.
		const fees = orderId ? await readChargeFees(deps.stripe, intent.id) : null;
		await db.transaction(async (tx) => {
			if (!(await recordStripeEvent(tx, event))) return;
			if (!orderId || !fees) return;
			const outcome = await markOrderPaid(tx, {
				orderId,
				log,
				payment: {
					kind: "stripe",
					paymentIntentId: intent.id,
					amountCents: intent.amount_received || intent.amount,
					currency: intent.currency,
					...fees,
				},
			});
			log.info({ eventId: event.id, orderId, outcome }, "payment_intent.succeeded");
		});
		paidOrderId = orderId;
	} else if (event.type === "payment_intent.payment_failed" || event.type === "payment_intent.canceled") {
		const intent = event.data.object;
		const orderId = await orderOf(db, intent);
		await db.transaction(async (tx) => {
			if (!(await recordStripeEvent(tx, event)) || !orderId) return;
			// Only a pending order changes: a late failure never un-pays a paid one.
			await tx
				.update(orders)
				.set({ status: event.type === "payment_intent.canceled" ? "canceled" : "failed" })
				.where(and(eq(orders.id, orderId), inArray(orders.status, ["pending", "failed"])));
		});
	} else {
		await db.transaction(async (tx) => {
			await recordStripeEvent(tx, event);
		});
	}
	// Also on a replay: a crash after the payment's commit left the mail unsent.
	if (paidOrderId) await sendReceiptIfDue(deps, paidOrderId);
}
