import { AppError, createPaymentIntent, type Logger, paymentIntentParams } from "@focus-racer/core";
import { type Db, events, type Locale, orderItems, orders, photos } from "@focus-racer/db";
import { eq, inArray } from "drizzle-orm";
import { priceCart } from "../cart/price-cart.ts";
import { createDownloadToken } from "../downloads/download-tokens.ts";
import type { Payments } from "./payments.ts";
import { findSeller } from "./seller-account.ts";

export interface CheckoutDeps {
	db: Db;
	payments: Payments;
	log: Logger;
}

export interface CheckoutInput {
	buyer: { id: string; email: string; name: string | null } | null;
	eventId: string;
	photoIds: readonly string[];
	allPhotosBibs: readonly string[];
	/** Guests only: where the download link goes. */
	email?: string | undefined;
	name?: string | undefined;
	locale: Locale;
}

/**
 * Turns a cart into a pending order priced on the server, and starts its payment: a Stripe
 * PaymentIntent for the amount computed here (the browser never sends an amount), or nothing
 * more in test mode. The order is paid later, by the webhook (or the explicit test payment),
 * never by this call. Returns the link to the order's downloads page, which shows "waiting for
 * payment" until then.
 */
export async function checkout(deps: CheckoutDeps, input: CheckoutInput) {
	const { db, payments } = deps;
	if (payments.mode === "disabled") {
		throw new AppError("BAD_REQUEST", "Payments are not set up on this site yet: no photo can be bought.");
	}
	const [event] = await db
		.select({ visibility: events.visibility })
		.from(events)
		.where(eq(events.id, input.eventId));
	if (event?.visibility !== "public") throw new AppError("NOT_FOUND", "Event not found.");
	const buyerEmail = input.buyer?.email ?? input.email;
	if (!buyerEmail) throw new AppError("BAD_REQUEST", "Give the email address your download link goes to.");
	const seller = await findSeller(db, input.eventId);
	const price = await priceCart(db, input, seller.serviceFeeCents);
	if (price.photoIds.length === 0) throw new AppError("BAD_REQUEST", "Your cart is empty.");
	const names = await db
		.select({ id: photos.id, filename: photos.originalFilename })
		.from(photos)
		.where(inArray(photos.id, price.photoIds));
	const filenameOf = new Map(names.map((p) => [p.id, p.filename]));

	const { order, downloadToken } = await db.transaction(async (tx) => {
		const [order] = await tx
			.insert(orders)
			.values({
				eventId: input.eventId,
				buyerId: input.buyer?.id ?? null,
				buyerEmail,
				buyerName: input.buyer?.name ?? input.name ?? null,
				locale: input.locale,
				sellerId: seller.sellerId,
				subtotalCents: price.subtotalCents,
				serviceFeeCents: price.serviceFeeCents,
				totalCents: price.totalCents,
				destinationAccountId: seller.destinationAccountId,
			})
			.returning({ id: orders.id, totalCents: orders.totalCents });
		if (!order) throw new Error("order insert returned nothing");
		for (const line of price.lines) {
			// One pack row carries the price; the photos it pays for hang under it at 0.
			const [packRow] = await tx
				.insert(orderItems)
				.values({
					orderId: order.id,
					kind: "pack",
					pricePackId: line.packId,
					label: line.bib ? `${line.name} (${line.bib})` : line.name,
					bib: line.bib,
					unitPriceCents: line.priceCents,
				})
				.returning({ id: orderItems.id });
			if (!packRow) throw new Error("order item insert returned nothing");
			if (line.photoIds.length) {
				await tx.insert(orderItems).values(
					line.photoIds.map((photoId) => ({
						orderId: order.id,
						kind: "photo" as const,
						photoId,
						packItemId: packRow.id,
						label: filenameOf.get(photoId) ?? photoId,
						unitPriceCents: 0,
					})),
				);
			}
		}
		return { order, downloadToken: await createDownloadToken(tx, order.id) };
	});

	let clientSecret: string | null = null;
	if (payments.mode === "stripe" && payments.stripe) {
		try {
			const intent = await createPaymentIntent(
				payments.stripe,
				paymentIntentParams({
					orderId: order.id,
					eventId: input.eventId,
					totalCents: order.totalCents,
					currency: "eur",
					buyerEmail,
					description: `${seller.eventName}: ${price.photoIds.length} photo(s)`,
					destinationAccountId: seller.destinationAccountId,
					serviceFeeCents: price.serviceFeeCents,
				}),
				order.id,
			);
			clientSecret = intent.client_secret;
			await db.update(orders).set({ stripePaymentIntentId: intent.id }).where(eq(orders.id, order.id));
		} catch (error) {
			deps.log.error({ err: error, orderId: order.id }, "could not create the PaymentIntent");
			await db.update(orders).set({ status: "failed" }).where(eq(orders.id, order.id));
			if (error instanceof AppError) throw error;
			throw new AppError("BAD_REQUEST", "The payment could not be started. Please try again in a minute.", {
				cause: error,
			});
		}
	}
	return {
		orderId: order.id,
		downloadToken,
		totalCents: order.totalCents,
		mode: payments.mode,
		clientSecret,
	};
}
