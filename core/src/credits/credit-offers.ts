/**
 * What pros can buy (PRODUCT §5): one-off credit packs and monthly plans. Prices in euro cents;
 * the ids are what a Checkout session's metadata and credit_subscriptions.plan carry.
 */
export const creditOffers = [
	{ id: "pack-1000", kind: "pack", credits: 1000, priceCents: 1900 },
	{ id: "pack-5000", kind: "pack", credits: 5000, priceCents: 8500 },
	{ id: "pack-15000", kind: "pack", credits: 15000, priceCents: 22500 },
	{ id: "monthly-20000", kind: "subscription", credits: 20000, priceCents: 19900 },
	{ id: "monthly-50000", kind: "subscription", credits: 50000, priceCents: 39900 },
] as const;

export type CreditOffer = (typeof creditOffers)[number];
export type CreditOfferId = CreditOffer["id"];
export const creditOfferIds = creditOffers.map((o) => o.id) as [CreditOfferId, ...CreditOfferId[]];

export function findCreditOffer(id: string): CreditOffer | undefined {
	return creditOffers.find((o) => o.id === id);
}
