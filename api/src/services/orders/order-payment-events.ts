import { type Logger, readChargeFees, type Stripe } from "@focus-racer/core";
import { type Db, orders } from "@focus-racer/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordStripeEvent } from "../stripe/record-stripe-event.ts";
import { markOrderPaid } from "./fulfil-order.ts";
import { type ReceiptDeps, sendReceiptIfDue } from "./receipt.ts";

export interface OrderPaymentDeps extends ReceiptDeps {
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
 * `payment_intent.succeeded`: the order is paid (PRODUCT §4: by webhook only). The event id is
 * recorded with the payment, so a replay changes nothing; the receipt is sent after the commit,
 * and again on a replay if a crash lost it.
 */
export async function onPaymentIntentSucceeded(
	deps: OrderPaymentDeps,
	event: Stripe.Event & { type: "payment_intent.succeeded" },
): Promise<void> {
	const { db, log } = deps;
	const intent = event.data.object;
	const orderId = await orderOf(db, intent);
	if (!orderId) log.warn({ eventId: event.id, paymentIntentId: intent.id }, "payment for no known order");
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
	if (orderId) await sendReceiptIfDue(deps, orderId);
}

/**
 * `payment_intent.payment_failed` / `.canceled`: only a pending (or already failed) order
 * changes, so a failure delivered after the success never un-pays an order.
 */
export async function onPaymentIntentEnded(
	deps: Pick<OrderPaymentDeps, "db">,
	event: Stripe.Event & { type: "payment_intent.payment_failed" | "payment_intent.canceled" },
): Promise<void> {
	const orderId = await orderOf(deps.db, event.data.object);
	await deps.db.transaction(async (tx) => {
		if (!(await recordStripeEvent(tx, event)) || !orderId) return;
		await tx
			.update(orders)
			.set({ status: event.type === "payment_intent.canceled" ? "canceled" : "failed" })
			.where(and(eq(orders.id, orderId), inArray(orders.status, ["pending", "failed"])));
	});
}
