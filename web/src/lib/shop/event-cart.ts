import { type Accessor, createRoot, createSignal } from "solid-js";
import { onOtherTabWrite, readLocalJson, writeLocalJson } from "../local-json.ts";
import {
	addAllPhotosBib,
	addPhotos,
	type CartState,
	cartItemCount,
	emptyCart,
	hasPhoto,
	parseCart,
	removeAllPhotosBib,
	removePhotos,
	takeAllPhotosOffer,
} from "./cart-state.ts";
import type { ShopPhoto } from "./shop-types.ts";

export interface EventCart {
	state: Accessor<CartState>;
	count: Accessor<number>;
	has: (photoId: string) => boolean;
	add: (photos: readonly ShopPhoto[], bib?: string | null) => void;
	remove: (photoIds: readonly string[]) => void;
	toggle: (photo: ShopPhoto, bib?: string | null) => void;
	addAllPhotos: (bib: string) => void;
	takeAllPhotosOffer: (pinned: readonly string[], bib: string) => void;
	removeAllPhotos: (bib: string) => void;
	clear: () => void;
}

const storageKey = (eventId: string) => `fr.cart.${eventId}`;
const carts = new Map<string, EventCart>();

/**
 * The cart of one event (PRODUCT §4: a cart per event, kept in the browser so it survives a
 * reload or a closed tab). One instance per event for the whole app: the header badge, the grid
 * and the cart page all read the same signal; other tabs' changes come in by the storage event.
 */
export function eventCart(eventId: string): EventCart {
	const existing = carts.get(eventId);
	if (existing) return existing;
	// Its own root: the cart outlives the page that first asked for it (header → cart page).
	const cart = createRoot(() => {
		const key = storageKey(eventId);
		const [state, setState] = createSignal<CartState>(parseCart(readLocalJson(key)));
		onOtherTabWrite(key, (value) => setState(parseCart(value)));
		const update = (change: (cart: CartState) => CartState) => {
			const next = change(state());
			if (next === state()) return;
			setState(next);
			writeLocalJson(key, cartItemCount(next) === 0 ? undefined : next);
		};
		return {
			state,
			count: () => cartItemCount(state()),
			has: (photoId: string) => hasPhoto(state(), photoId),
			add: (photos: readonly ShopPhoto[], bib?: string | null) => update((c) => addPhotos(c, photos, bib)),
			remove: (photoIds: readonly string[]) => update((c) => removePhotos(c, photoIds)),
			toggle: (photo: ShopPhoto, bib?: string | null) =>
				update((c) => (hasPhoto(c, photo.id) ? removePhotos(c, [photo.id]) : addPhotos(c, [photo], bib))),
			addAllPhotos: (bib: string) => update((c) => addAllPhotosBib(c, bib)),
			takeAllPhotosOffer: (pinned: readonly string[], bib: string) =>
				update((c) => takeAllPhotosOffer(c, pinned, bib)),
			removeAllPhotos: (bib: string) => update((c) => removeAllPhotosBib(c, bib)),
			clear: () => update(() => emptyCart),
		};
	});
	carts.set(eventId, cart);
	return cart;
}
