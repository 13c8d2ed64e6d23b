import { randomUUID } from "node:crypto";
import {
	AppError,
	type CreditOffer,
	type DbOrTx,
	findCreditOffer,
	moveCredits,
	type Stripe,
} from "@focus-racer/core";
import { creditSubscriptions, type Db, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import type { Payments } from "../orders/payments.ts";

function offerOrThrow(offerId: string): CreditOffer {
	const offer = findCreditOffer(offerId);
	if (!offer) throw new AppError("BAD_REQUEST", "Unknown credit offer.");
	return offer;
}

/**
 * Starts a purchase: a Stripe Checkout session for the offer's price computed here (a pack is a
 * one-off payment, a plan a monthly subscription), its metadata naming the buyer and the offer so
 * the webhooks can fulfil it. Credits arrive only by webhook, never from this call.
 */
export async function startCreditPurchase(
	deps: { db: Db; payments: Payments; siteUrl: string },
	user: { id: string; email: string },
	options: { offerId: string; returnPath: string },
): Promise<{ mode: "stripe"; url: string } | { mode: "test" }> {
	const offer = offerOrThrow(options.offerId);
	const { payments } = deps;
	if (payments.mode === "disabled") {
		throw new AppError("BAD_REQUEST", "Payments are not set up on this site yet: credits cannot be bought.");
	}
	if (payments.mode === "test" || !payments.stripe) return { mode: "test" };
	const [row] = await deps.db
		.select({ customer: users.stripeCustomerId })
		.from(users)
		.where(eq(users.id, user.id));
	const back = new URL(options.returnPath, deps.siteUrl);
	const metadata = { user_id: user.id, offer_id: offer.id };
	const session = await payments.stripe.checkout.sessions.create({
		mode: offer.kind === "pack" ? "payment" : "subscription",
		line_items: [
			{
				quantity: 1,
				price_data: {
					currency: "eur",
					unit_amount: offer.priceCents,
					product_data: { name: `${offer.credits.toLocaleString("fr-FR")} crédits Focus Racer` },
					...(offer.kind === "subscription" ? { recurring: { interval: "month" as const } } : {}),
				},
			},
		],
		client_reference_id: user.id,
		...(row?.customer ? { customer: row.customer } : { customer_email: user.email }),
		metadata,
		...(offer.kind === "subscription" ? { subscription_data: { metadata } } : {}),
		success_url: `${back.toString()}${back.search ? "&" : "?"}purchase=success`,
		cancel_url: `${back.toString()}${back.search ? "&" : "?"}purchase=canceled`,
	});
	if (!session.url) throw new AppError("BAD_REQUEST", "Stripe did not return a payment page. Try again.");
	return { mode: "stripe", url: session.url };
}

/** Credits of a paid pack, once per Checkout session (its id is the movement's reference). */
export function grantPackCredits(
	tx: DbOrTx,
	options: { userId: string; offer: CreditOffer; reference: string },
) {
	return moveCredits(tx, {
		userId: options.userId,
		amount: options.offer.credits,
		kind: "purchase",
		reference: options.reference,
		note: options.offer.id,
	});
}

/** One month of a plan's credits, once per paid invoice. */
export function grantPeriodCredits(
	tx: DbOrTx,
	options: { userId: string; offer: CreditOffer; invoiceId: string },
) {
	return moveCredits(tx, {
		userId: options.userId,
		amount: options.offer.credits,
		kind: "subscription",
		reference: options.invoiceId,
		note: options.offer.id,
	});
}

/** The mirror of a Stripe subscription, created or refreshed (any event may come first). */
export async function upsertCreditSubscription(
	tx: DbOrTx,
	options: {
		userId: string;
		offer: CreditOffer;
		stripeSubscriptionId: string;
		status: string;
		currentPeriodEnd?: Date | null;
		cancelAtPeriodEnd?: boolean;
	},
): Promise<void> {
	const values = {
		userId: options.userId,
		stripeSubscriptionId: options.stripeSubscriptionId,
		plan: options.offer.id,
		creditsPerPeriod: options.offer.credits,
		priceCents: options.offer.priceCents,
		status: options.status,
		...(options.currentPeriodEnd === undefined ? {} : { currentPeriodEnd: options.currentPeriodEnd }),
		...(options.cancelAtPeriodEnd === undefined ? {} : { cancelAtPeriodEnd: options.cancelAtPeriodEnd }),
	};
	await tx
		.insert(creditSubscriptions)
		.values(values)
		.onConflictDoUpdate({
			target: creditSubscriptions.stripeSubscriptionId,
			set: {
				status: values.status,
				...(options.currentPeriodEnd === undefined ? {} : { currentPeriodEnd: options.currentPeriodEnd }),
				...(options.cancelAtPeriodEnd === undefined ? {} : { cancelAtPeriodEnd: options.cancelAtPeriodEnd }),
			},
		});
}

/**
 * The explicit test payment of a site without Stripe keys (never in production): the same
 * grants as the webhooks, under references that cannot collide with Stripe's ids.
 */
export async function payCreditsInTestMode(
	deps: { db: Db; payments: Payments },
	user: { id: string },
	offerId: string,
): Promise<{ balance: number }> {
	if (deps.payments.mode !== "test") {
		throw new AppError(
			"FORBIDDEN",
			"Test payments are only possible on a site without Stripe keys, outside production.",
		);
	}
	const offer = offerOrThrow(offerId);
	await deps.db.transaction(async (tx) => {
		if (offer.kind === "pack") {
			await grantPackCredits(tx, { userId: user.id, offer, reference: `test-${randomUUID()}` });
			return;
		}
		const subscriptionId = `test_sub_${randomUUID()}`;
		await upsertCreditSubscription(tx, {
			userId: user.id,
			offer,
			stripeSubscriptionId: subscriptionId,
			status: "active",
			currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000),
		});
		await grantPeriodCredits(tx, { userId: user.id, offer, invoiceId: `test-${randomUUID()}` });
	});
	const [row] = await deps.db
		.select({ balance: users.creditsBalance })
		.from(users)
		.where(eq(users.id, user.id));
	return { balance: row?.balance ?? 0 };
}

/** The offer and buyer a Checkout session or subscription names in its metadata. */
export function purchaseOf(
	metadata: Stripe.Metadata | null | undefined,
): { userId: string; offer: CreditOffer } | null {
	const userId = metadata?.user_id;
	const offer = metadata?.offer_id ? findCreditOffer(metadata.offer_id) : undefined;
	if (!userId || !/^[0-9a-f-]{36}$/i.test(userId) || !offer) return null;
	return { userId, offer };
}
