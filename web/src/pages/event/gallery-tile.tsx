import { ImageOff } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { FavoriteButton } from "../../components/favorite-button.tsx";
import { ProtectedImage } from "../../components/protected-image.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { ShopPhoto } from "../../lib/shop/shop-types.ts";
import { CartToggle } from "./cart-toggle.tsx";
import { useShopEvent } from "./shop-event-context.ts";

/** Width / height of a tile: the photo's own shape, or the usual 3:2 of a camera when unknown. */
export function tileRatio(photo: ShopPhoto): number {
	return photo.width && photo.height ? photo.width / photo.height : 3 / 2;
}

/** One photo of a public grid: its watermarked micro image (opens the lightbox), a heart, a cart toggle. */
export function GalleryTile(props: {
	photo: ShopPhoto;
	position: number;
	onOpen: (trigger: HTMLElement) => void;
}): JSX.Element {
	const { t } = useI18n();
	const shop = useShopEvent();
	const inCart = () => shop.cart().has(props.photo.id);
	const ratio = () => tileRatio(props.photo);
	return (
		<li
			class="group relative w-full self-stretch"
			// The ratio sizes the row, the tile then stretches to it (w-full stops the ratio from widening
			// it past its column) and the image covers it. Portraits take two rows, so a row keeps about
			// the height of its landscape photos.
			classList={{ "row-span-2": ratio() < 0.8 }}
			style={{ "aspect-ratio": String(ratio()) }}
		>
			<button
				type="button"
				class="block h-full w-full overflow-hidden rounded-lg bg-ink-100 ring-offset-2 transition"
				classList={{ "ring-3 ring-(--accent)": inCart() }}
				aria-label={t("gallery.openPhoto", props.position)}
				onClick={(e) => props.onOpen(e.currentTarget)}
				data-testid="gallery-photo"
				data-photo-id={props.photo.id}
			>
				<Show
					when={props.photo.microUrl}
					fallback={
						<span class="flex h-full items-center justify-center text-ink-300">
							<ImageOff class="size-8" aria-hidden="true" />
						</span>
					}
				>
					{(src) => (
						<ProtectedImage
							src={src()}
							alt=""
							loading="lazy"
							decoding="async"
							width={props.photo.width ?? undefined}
							height={props.photo.height ?? undefined}
							class="h-full w-full object-cover transition duration-300 group-hover:scale-[1.03]"
						/>
					)}
				</Show>
			</button>
			<div class="absolute top-1.5 right-1.5">
				<FavoriteButton photo={props.photo} event={shop.favoriteEvent()} look="tile" />
			</div>
			<div class="absolute right-1.5 bottom-1.5">
				<CartToggle photo={props.photo} look="tile" />
			</div>
		</li>
	);
}
