import { A } from "@solidjs/router";
import { Heart, ShoppingCart } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { useFavorites } from "../../lib/shop/favorites.ts";
import { cartPath } from "../../lib/shop/shop-paths.ts";
import { useShopEvent } from "./shop-event-context.ts";

/**
 * Sticks under the site header while the visitor scrolls the gallery: the race's name, their
 * favorites of this race and the cart with its count, always one tap away.
 */
export function EventBar(props: { showingFavorites: boolean; onFavorites: () => void }): JSX.Element {
	const { t } = useI18n();
	const shop = useShopEvent();
	const favorites = useFavorites();
	const favoriteCount = () => favorites.ofEvent(shop.event().id).length;
	return (
		<div class="sticky top-16 z-30 mt-5 border-y border-ink-100 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/80">
			<div class="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:px-6 lg:px-8">
				<p class="min-w-0 flex-1 truncate text-sm font-bold text-ink-900">{shop.event().name}</p>
				<button
					type="button"
					class="btn min-h-10 px-3"
					classList={{
						"bg-rose-50 text-rose-700 ring-1 ring-rose-200": props.showingFavorites,
						"text-ink-700 hover:bg-ink-100": !props.showingFavorites,
					}}
					aria-pressed={props.showingFavorites}
					aria-label={t("favorites.show", favoriteCount())}
					onClick={() => props.onFavorites()}
					data-testid="show-favorites"
				>
					<Heart
						class="size-4.5"
						classList={{ "fill-rose-500 text-rose-500": favoriteCount() > 0 }}
						aria-hidden="true"
					/>
					<span class="tabular-nums" aria-hidden="true">
						{favoriteCount()}
					</span>
				</button>
				<A
					href={cartPath(shop.event().slug)}
					class="btn min-h-10 bg-(--accent) px-3.5 text-(--accent-fg) shadow-sm hover:brightness-110"
					aria-label={t("cart.openCart", shop.cart().count())}
					data-testid="cart-button"
				>
					<ShoppingCart class="size-4.5" aria-hidden="true" />
					<span class="hidden sm:inline" aria-hidden="true">
						{t("cart.title")}
					</span>
					<Show when={shop.cart().count() > 0}>
						<span
							class="min-w-5 rounded-full bg-white px-1.5 text-center text-xs font-bold text-ink-900 tabular-nums"
							aria-hidden="true"
							data-testid="cart-count"
						>
							{shop.cart().count()}
						</span>
					</Show>
				</A>
			</div>
		</div>
	);
}
