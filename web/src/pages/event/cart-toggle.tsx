import { Check, Plus, ShoppingCart } from "lucide-solid";
import type { JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { ShopPhoto } from "../../lib/shop/shop-types.ts";
import { useShopEvent } from "./shop-event-context.ts";

/** Puts a photo in the event's cart or takes it out; pressed while it is in. */
export function CartToggle(props: { photo: ShopPhoto; look: "tile" | "bar" }): JSX.Element {
	const { t } = useI18n();
	const shop = useShopEvent();
	const inCart = () => shop.cart().has(props.photo.id);
	const toggle = (event: MouseEvent) => {
		event.stopPropagation();
		shop.cart().toggle(props.photo, shop.searchedBib());
	};
	if (props.look === "tile") {
		return (
			<button
				type="button"
				aria-pressed={inCart()}
				aria-label={inCart() ? t("cart.removePhoto") : t("cart.addPhoto")}
				title={inCart() ? t("cart.removePhoto") : t("cart.addPhoto")}
				onClick={toggle}
				class="flex size-9 items-center justify-center rounded-full shadow-sm ring-1 ring-black/5 transition hover:scale-105"
				classList={{
					"bg-(--accent) text-(--accent-fg)": inCart(),
					"bg-white/90 text-ink-800 backdrop-blur hover:bg-white": !inCart(),
				}}
				data-testid="cart-toggle"
			>
				{inCart() ? (
					<Check class="size-4.5" stroke-width={3} aria-hidden="true" />
				) : (
					<Plus class="size-4.5" stroke-width={2.5} aria-hidden="true" />
				)}
			</button>
		);
	}
	return (
		<button
			type="button"
			aria-pressed={inCart()}
			onClick={toggle}
			class="btn min-h-11 flex-[2] sm:flex-none"
			classList={{
				"bg-emerald-500 text-white hover:bg-emerald-600": inCart(),
				"bg-(--accent) text-(--accent-fg) hover:brightness-110": !inCart(),
			}}
			data-testid="lightbox-cart"
		>
			{inCart() ? (
				<Check class="size-5" stroke-width={3} aria-hidden="true" />
			) : (
				<ShoppingCart class="size-5" aria-hidden="true" />
			)}
			{inCart() ? t("cart.inCart") : t("cart.addToCart")}
		</button>
	);
}
