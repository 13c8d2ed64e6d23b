import type { DbOrTx, Logger, Stripe } from "@focus-racer/core";
import { findCreditOffer } from "@focus-racer/core";
import { creditSubscriptions, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import {
	grantPackCredits,
	grantPeriodCredits,
	purchaseOf,
	upsertCreditSubscription,
} from "./credit-purchases.ts";

function idOf(value: string | { id: string } | null | undefined): string | null {
	if (!value) return null;
	return typeof value === "string" ? value : value.id;
}

/**
 * `checkout.session.completed`: a paid pack adds its credits (reference: the session id); a
 * plan's session records the subscription, whose credits come with each paid invoice.
 */
export async function onCheckoutCompleted(
	tx: DbOrTx,
	session: Stripe.Checkout.Session,
	log: Logger,
): Promise<void> {
	const purchase = purchaseOf(session.metadata);
	if (!purchase) return; // Not a credit purchase (or not ours).
	const customer = idOf(session.customer);
	if (customer)
		await tx.update(users).set({ stripeCustomerId: customer }).where(eq(users.id, purchase.userId));
	if (session.mode === "payment") {
		if (session.payment_status !== "paid") {
			// SEPA and other delayed methods: checkout.session.async_payment_succeeded comes later.
			log.info({ sessionId: session.id }, "credit pack checkout completed, payment not settled yet");
			return;
		}
		if (session.amount_total !== purchase.offer.priceCents) {
			log.error(
				{ sessionId: session.id, paid: session.amount_total },
				"credit pack paid another amount: not granted",
			);
			return;
		}
		await grantPackCredits(tx, { ...purchase, reference: session.id });
		return;
	}
	const subscriptionId = idOf(session.subscription);
	if (session.mode === "subscription" && subscriptionId) {
		await upsertCreditSubscription(tx, {
			...purchase,
			stripeSubscriptionId: subscriptionId,
			status: "active",
		});
	}
}

/** `checkout.session.async_payment_succeeded`: a delayed pack payment settled. */
export async function onCheckoutAsyncPaid(tx: DbOrTx, session: Stripe.Checkout.Session): Promise<void> {
	const purchase = purchaseOf(session.metadata);
	if (!purchase || session.mode !== "payment") return;
	if (session.amount_total !== purchase.offer.priceCents) return;
	await grantPackCredits(tx, { ...purchase, reference: session.id });
}

/**
 * `invoice.payment_succeeded`: one month of a plan's credits (reference: the invoice id). The
 * subscription is found by id, else by the metadata Stripe snapshots on the invoice, since
 * this event may arrive before checkout.session.completed.
 */
export async function onInvoicePaid(tx: DbOrTx, invoice: Stripe.Invoice, log: Logger): Promise<void> {
	const details = invoice.parent?.subscription_details;
	const subscriptionId = idOf(details?.subscription);
	if (!subscriptionId) return;
	const [known] = await tx
		.select({ userId: creditSubscriptions.userId, plan: creditSubscriptions.plan })
		.from(creditSubscriptions)
		.where(eq(creditSubscriptions.stripeSubscriptionId, subscriptionId));
	const knownOffer = known ? findCreditOffer(known.plan) : undefined;
	const purchase =
		known && knownOffer ? { userId: known.userId, offer: knownOffer } : purchaseOf(details?.metadata);
	if (!purchase) {
		log.warn({ invoiceId: invoice.id, subscriptionId }, "paid invoice of an unknown subscription");
		return;
	}
	if (invoice.amount_paid !== purchase.offer.priceCents) {
		log.error(
			{ invoiceId: invoice.id, paid: invoice.amount_paid },
			"plan invoice paid another amount: not granted",
		);
		return;
	}
	const periodEnd = invoice.lines?.data?.[0]?.period?.end;
	await upsertCreditSubscription(tx, {
		...purchase,
		stripeSubscriptionId: subscriptionId,
		status: "active",
		currentPeriodEnd: periodEnd ? new Date(periodEnd * 1000) : null,
	});
	if (!invoice.id) return;
	await grantPeriodCredits(tx, { ...purchase, invoiceId: invoice.id });
}

/** `customer.subscription.updated` / `.deleted`: the plan's status, renewal date and cancellation. */
export async function onSubscriptionChanged(tx: DbOrTx, subscription: Stripe.Subscription): Promise<void> {
	const periodEnd = subscription.items?.data?.[0]?.current_period_end;
	await tx
		.update(creditSubscriptions)
		.set({
			status: subscription.status,
			cancelAtPeriodEnd: subscription.cancel_at_period_end,
			...(periodEnd ? { currentPeriodEnd: new Date(periodEnd * 1000) } : {}),
		})
		.where(eq(creditSubscriptions.stripeSubscriptionId, subscription.id));
}
