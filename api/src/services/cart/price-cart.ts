import { AppError, BasketNotForSaleError, type BasketPrice, priceBasket } from "@focus-racer/core";
import { type Db, photoBibs, photos } from "@focus-racer/db";
import { and, eq, inArray } from "drizzle-orm";
import { activePacksOf } from "../price-packs/active-packs.ts";

export interface CartRequest {
	eventId: string;
	photoIds: readonly string[];
	allPhotosBibs: readonly string[];
}

export interface PricedCart extends BasketPrice {
	/** Cart photos that cannot be sold any more (deleted, reprocessing, another event): dropped. */
	unavailablePhotoIds: string[];
}

/**
 * The one pricing path of the shop: the cart page and the checkout both come here, so the
 * amount charged is the amount shown. Reads the event's active packs, the cart photos' bibs
 * and every sellable photo of the runners involved, then lets priceBasket find the cheapest plan.
 */
export async function priceCart(db: Db, cart: CartRequest, serviceFeeCents: number): Promise<PricedCart> {
	const wanted = [...new Set(cart.photoIds)];
	const [packs, sellable] = await Promise.all([
		activePacksOf(db, cart.eventId),
		wanted.length
			? db
					.select({ id: photos.id })
					.from(photos)
					.where(
						and(eq(photos.eventId, cart.eventId), eq(photos.status, "ready"), inArray(photos.id, wanted)),
					)
			: Promise.resolve([]),
	]);
	const sellableIds = new Set(sellable.map((p) => p.id));
	const cartIds = wanted.filter((id) => sellableIds.has(id));
	const cartBibs = cartIds.length
		? await db
				.select({ photoId: photoBibs.photoId, bib: photoBibs.bib })
				.from(photoBibs)
				.where(inArray(photoBibs.photoId, cartIds))
		: [];
	const bibs = [...new Set([...cartBibs.map((b) => b.bib), ...cart.allPhotosBibs])];
	const runnerRows = bibs.length
		? await db
				.select({ bib: photoBibs.bib, photoId: photoBibs.photoId })
				.from(photoBibs)
				.innerJoin(photos, eq(photos.id, photoBibs.photoId))
				.where(
					and(eq(photoBibs.eventId, cart.eventId), inArray(photoBibs.bib, bibs), eq(photos.status, "ready")),
				)
				.orderBy(photos.createdAt)
		: [];
	const runnerPhotoIds = new Map<string, string[]>(bibs.map((bib) => [bib, []]));
	for (const row of runnerRows) runnerPhotoIds.get(row.bib)?.push(row.photoId);
	for (const bib of cart.allPhotosBibs) {
		if ((runnerPhotoIds.get(bib)?.length ?? 0) === 0) {
			throw new AppError("BAD_REQUEST", `There is no photo of bib ${bib} to buy on this event.`);
		}
	}
	let price: BasketPrice;
	try {
		price = priceBasket({
			packs,
			photos: cartIds.map((id) => ({ id, bibs: cartBibs.filter((b) => b.photoId === id).map((b) => b.bib) })),
			runnerPhotoIds,
			allPhotosBibs: cart.allPhotosBibs,
			serviceFeeCents,
		});
	} catch (error) {
		if (error instanceof BasketNotForSaleError)
			throw new AppError("BAD_REQUEST", error.message, { cause: error });
		throw error;
	}
	return { ...price, unavailablePhotoIds: wanted.filter((id) => !sellableIds.has(id)) };
}
