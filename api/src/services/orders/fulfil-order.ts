import type { DbOrTx, Logger } from "@focus-racer/core";
import { type Db, orderItems, orders, photoBibs, photos } from "@focus-racer/db";
import { and, eq, sql } from "drizzle-orm";

/** How an order was paid: a Stripe payment (checked against the order), or the explicit test payment. */
export type Payment =
	| {
			kind: "stripe";
			paymentIntentId: string;
			amountCents: number;
			currency: string;
			chargeId: string | null;
			stripeFeeCents: number | null;
			transferId: string | null;
	  }
	| { kind: "test" };

export type FulfilOutcome = "paid" | "already_paid" | "amount_mismatch" | "not_payable";

/**
 * Marks an order paid, inside the caller's transaction, with the row locked: fees and payout
 * recorded, and the "all my photos" packs resolved to every photo the runner has now (photos
 * sorted after checkout are included). An order already paid stays as it is, and a failure
 * reported earlier (out of order: the buyer retried with another card) does not block it.
 */
export async function markOrderPaid(
	tx: DbOrTx,
	options: { orderId: string; payment: Payment; log: Logger },
): Promise<FulfilOutcome> {
	const { orderId, payment, log } = options;
	const [order] = await tx
		.select({
			id: orders.id,
			status: orders.status,
			eventId: orders.eventId,
			totalCents: orders.totalCents,
			serviceFeeCents: orders.serviceFeeCents,
			currency: orders.currency,
			destinationAccountId: orders.destinationAccountId,
		})
		.from(orders)
		.where(eq(orders.id, orderId))
		.for("update");
	if (!order) return "not_payable";
	if (order.status === "paid") return "already_paid";
	if (order.status !== "pending" && order.status !== "failed") return "not_payable";
	if (
		payment.kind === "stripe" &&
		(payment.amountCents !== order.totalCents || payment.currency.toLowerCase() !== order.currency)
	) {
		// Never hand out photos for another amount than the one priced: someone has to look.
		log.error(
			{ orderId, paid: payment.amountCents, currency: payment.currency, expected: order.totalCents },
			"payment amount does not match the order: not fulfilled",
		);
		return "amount_mismatch";
	}
	await tx
		.update(orders)
		.set({
			status: "paid",
			paidAt: new Date(),
			isTestPayment: payment.kind === "test",
			...(payment.kind === "stripe"
				? {
						stripePaymentIntentId: payment.paymentIntentId,
						stripeChargeId: payment.chargeId,
						stripeFeeCents: payment.stripeFeeCents,
						stripeTransferId: payment.transferId,
					}
				: {}),
			photographerPayoutCents: order.destinationAccountId ? order.totalCents - order.serviceFeeCents : null,
		})
		.where(eq(orders.id, orderId));
	if (order.eventId) await resolveAllPhotosPacks(tx, orderId, order.eventId);
	return "paid";
}

/** Adds to each "all my photos" line the runner's ready photos the order does not hold yet. */
async function resolveAllPhotosPacks(tx: DbOrTx, orderId: string, eventId: string): Promise<void> {
	await tx.execute(sql`
		insert into ${orderItems} (order_id, kind, photo_id, pack_item_id, label, unit_price_cents)
		select ${orderId}::uuid, 'photo', ${photos.id}, pack.id, ${photos.originalFilename}, 0
		from ${orderItems} pack
		join ${photoBibs} on ${photoBibs.eventId} = ${eventId}::uuid and ${photoBibs.bib} = pack.bib
		join ${photos} on ${photos.id} = ${photoBibs.photoId} and ${photos.status} = 'ready'
		where pack.order_id = ${orderId}::uuid and pack.kind = 'pack' and pack.bib is not null
		on conflict (order_id, photo_id) do nothing`);
}

/** Orders paid whose receipt has not gone out (a crash between the payment and the mail). */
export async function receiptDue(db: Db, orderId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: orders.id })
		.from(orders)
		.where(and(eq(orders.id, orderId), eq(orders.status, "paid"), sql`${orders.receiptSentAt} is null`));
	return row !== undefined;
}
