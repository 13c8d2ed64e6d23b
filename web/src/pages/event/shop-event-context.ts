import { type Accessor, createContext, useContext } from "solid-js";
import type { EventCart } from "../../lib/shop/event-cart.ts";
import type { FavoriteEvent } from "../../lib/shop/favorites-state.ts";
import type { PublicEvent } from "../../lib/shop/shop-types.ts";

/** What every tile, lightbox and button of an event's pages needs: the event, its cart, the search. */
export interface ShopEvent {
	event: Accessor<PublicEvent>;
	cart: Accessor<EventCart>;
	/** The event as favorites remember it (links back to its gallery). */
	favoriteEvent: Accessor<FavoriteEvent>;
	/** The bib searched right now, if any: photos added from its results remember it. */
	searchedBib: Accessor<string | undefined>;
}

export const ShopEventContext = createContext<ShopEvent>();

export function useShopEvent(): ShopEvent {
	const context = useContext(ShopEventContext);
	if (!context) throw new Error("useShopEvent must be used inside an event page");
	return context;
}
