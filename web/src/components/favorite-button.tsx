import { Heart } from "lucide-solid";
import { createSignal, type JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { useFavorites } from "../lib/shop/favorites.ts";
import type { FavoriteEvent } from "../lib/shop/favorites-state.ts";
import type { ShopPhoto } from "../lib/shop/shop-types.ts";

/** The heart on a photo: saves it for later (browser for guests, account when logged in). */
export function FavoriteButton(props: {
	photo: ShopPhoto;
	event: FavoriteEvent;
	/** "tile": small round button over a thumbnail; "bar": labelled button of the lightbox. */
	look: "tile" | "bar";
}): JSX.Element {
	const { t } = useI18n();
	const favorites = useFavorites();
	const [failed, setFailed] = createSignal(false);
	const saved = () => favorites.isFavorite(props.photo.id);
	const toggle = async (event: MouseEvent) => {
		event.stopPropagation();
		setFailed(!(await favorites.toggle(props.photo, props.event)));
	};
	const label = () => (saved() ? t("favorites.remove") : t("favorites.add"));
	return (
		<button
			type="button"
			aria-pressed={saved()}
			aria-label={props.look === "tile" ? label() : undefined}
			title={failed() ? t("favorites.failed") : label()}
			onClick={(e) => void toggle(e)}
			class={
				props.look === "tile"
					? "flex size-9 items-center justify-center rounded-full bg-white/90 text-ink-800 shadow-sm ring-1 ring-black/5 backdrop-blur transition hover:scale-105 hover:bg-white"
					: "btn min-h-11 flex-1 border border-white/20 bg-white/10 text-white hover:bg-white/20 sm:flex-none"
			}
			data-testid="favorite-toggle"
		>
			<Heart
				class={props.look === "tile" ? "size-4.5" : "size-5"}
				classList={{ "fill-rose-500 text-rose-500": saved(), "text-red-300": failed() && !saved() }}
				aria-hidden="true"
			/>
			{props.look === "bar" ? <span>{saved() ? t("favorites.saved") : t("favorites.save")}</span> : null}
		</button>
	);
}
