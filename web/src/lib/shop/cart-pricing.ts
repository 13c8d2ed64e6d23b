import { revalidate } from "@solidjs/router";
import { type Accessor, createEffect, createMemo, createSignal, on } from "solid-js";
import { getCartPrice } from "../queries/cart-price.ts";
import type { CartState } from "./cart-state.ts";
import type { CartInput, CartPrice } from "./shop-types.ts";

export interface CartPricing {
	/** The latest price the server gave; kept on screen while a newer one is asked for. */
	price: Accessor<CartPrice | undefined>;
	pending: Accessor<boolean>;
	error: Accessor<unknown>;
	retry: () => void;
}

/** What the server prices: ids and bibs only, never an amount. */
export function cartInput(eventId: string, cart: CartState): CartInput {
	return { eventId, photoIds: cart.photos.map((p) => p.id), allPhotosBibs: cart.allPhotosBibs };
}

/**
 * The cart's price from `cart.price`, asked again whenever the cart changes (the cart page and
 * the checkout show the server's numbers only). An answer to an older cart is dropped.
 */
export function createCartPricing(eventId: Accessor<string>, cart: Accessor<CartState>): CartPricing {
	const [price, setPrice] = createSignal<CartPrice>();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<unknown>();
	const [attempt, setAttempt] = createSignal(0);
	// Compared as text: a cart rewritten with the same content must not ask again.
	const input = createMemo(() => JSON.stringify(cartInput(eventId(), cart())));
	let latest = 0;
	createEffect(
		on([input, attempt], async ([json]) => {
			const request = JSON.parse(json) as CartInput;
			const id = ++latest;
			if (request.photoIds.length === 0 && (request.allPhotosBibs ?? []).length === 0) {
				setPrice(undefined);
				setPending(false);
				setError(undefined);
				return;
			}
			setPending(true);
			try {
				const answer = await getCartPrice(request);
				if (id !== latest) return;
				setPrice(answer);
				setError(undefined);
			} catch (err) {
				if (id === latest) setError(err);
			} finally {
				if (id === latest) setPending(false);
			}
		}),
	);
	const retry = () => {
		// A failed answer stays cached a few seconds: drop it so the retry really asks again.
		void revalidate(getCartPrice.key);
		setAttempt((n) => n + 1);
	};
	return { price, pending, error, retry };
}
