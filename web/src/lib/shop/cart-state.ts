import { parseShopPhoto, toShopPhoto } from "./shop-photo.ts";
import type { ShopPhoto } from "./shop-types.ts";

/**
 * One event's cart as the browser keeps it: what the runner picked, never a price. Photos keep
 * their public images so the cart can show them without asking again; "all my photos" bibs stand
 * for every photo of that runner, which the server lists when it prices the cart.
 */
export interface CartState {
	photos: ShopPhoto[];
	allPhotosBibs: string[];
	/** The last bib searched when something was added: the cart offers more photos of that runner. */
	lastBib: string | null;
}

/** The server's limits (cart.price input): beyond them the request would be refused. */
export const maxCartPhotos = 2000;
export const maxAllPhotosBibs = 10;

export const emptyCart: CartState = { photos: [], allPhotosBibs: [], lastBib: null };

export function parseCart(value: unknown): CartState {
	if (typeof value !== "object" || value === null) return emptyCart;
	const record = value as Record<string, unknown>;
	const seen = new Set<string>();
	const photos: ShopPhoto[] = [];
	for (const item of Array.isArray(record.photos) ? record.photos : []) {
		const photo = parseShopPhoto(item);
		if (!photo || seen.has(photo.id)) continue;
		seen.add(photo.id);
		photos.push(photo);
	}
	const bibs = Array.isArray(record.allPhotosBibs)
		? record.allPhotosBibs.filter((b): b is string => typeof b === "string" && b.trim() !== "")
		: [];
	return {
		photos: photos.slice(0, maxCartPhotos),
		allPhotosBibs: [...new Set(bibs)].slice(0, maxAllPhotosBibs),
		lastBib: typeof record.lastBib === "string" && record.lastBib !== "" ? record.lastBib : null,
	};
}

export function hasPhoto(cart: CartState, photoId: string): boolean {
	return cart.photos.some((p) => p.id === photoId);
}

export function addPhotos(cart: CartState, photos: readonly ShopPhoto[], bib?: string | null): CartState {
	const fresh = photos.filter(
		(p, i) => !hasPhoto(cart, p.id) && photos.findIndex((q) => q.id === p.id) === i,
	);
	if (fresh.length === 0 && !bib) return cart;
	return {
		...cart,
		photos: [...cart.photos, ...fresh.map(toShopPhoto)].slice(0, maxCartPhotos),
		lastBib: bib ?? cart.lastBib,
	};
}

export function removePhotos(cart: CartState, photoIds: readonly string[]): CartState {
	const drop = new Set(photoIds);
	if (!cart.photos.some((p) => drop.has(p.id))) return cart;
	return { ...cart, photos: cart.photos.filter((p) => !drop.has(p.id)) };
}

export function addAllPhotosBib(cart: CartState, bib: string): CartState {
	const trimmed = bib.trim();
	if (trimmed === "" || cart.allPhotosBibs.includes(trimmed)) return cart;
	return {
		...cart,
		allPhotosBibs: [...cart.allPhotosBibs, trimmed].slice(0, maxAllPhotosBibs),
		lastBib: trimmed,
	};
}

/**
 * Taking an "all photos of bib X" upsell: the server priced it with the current all-photos lines
 * kept (`pinned`), so they are pinned here too and the price paid is the price announced.
 */
export function takeAllPhotosOffer(cart: CartState, pinned: readonly string[], bib: string): CartState {
	const bibs = [...new Set([...cart.allPhotosBibs, ...pinned, bib])];
	return { ...cart, allPhotosBibs: bibs.slice(0, maxAllPhotosBibs), lastBib: bib };
}

export function removeAllPhotosBib(cart: CartState, bib: string): CartState {
	if (!cart.allPhotosBibs.includes(bib)) return cart;
	return { ...cart, allPhotosBibs: cart.allPhotosBibs.filter((b) => b !== bib) };
}

/** What the badge counts: each photo, and each "all my photos" pack as one item. */
export function cartItemCount(cart: CartState): number {
	return cart.photos.length + cart.allPhotosBibs.length;
}

export function isCartEmpty(cart: CartState): boolean {
	return cartItemCount(cart) === 0;
}
