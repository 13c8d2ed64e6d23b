import { ImageOff, X } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { ProtectedImage } from "../../components/protected-image.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { ShopPhoto } from "../../lib/shop/shop-types.ts";

/** The photos picked one by one, each with its remove button. */
export function CartPhotos(props: { photos: ShopPhoto[]; onRemove: (photoId: string) => void }): JSX.Element {
	const { t } = useI18n();
	return (
		<section class="card p-4 sm:p-5" aria-labelledby="cart-photos-title">
			<h2 id="cart-photos-title" class="text-base font-bold text-ink-900">
				{t("cart.photosTitle", props.photos.length)}
			</h2>
			<ul class="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-4" data-testid="cart-photos">
				<For each={props.photos}>
					{(photo, index) => (
						<li class="relative aspect-[3/2] overflow-hidden rounded-lg bg-ink-100">
							<Show
								when={photo.microUrl}
								fallback={
									<span class="flex h-full items-center justify-center text-ink-300">
										<ImageOff class="size-6" aria-hidden="true" />
									</span>
								}
							>
								{(src) => (
									<ProtectedImage src={src()} alt="" loading="lazy" class="h-full w-full object-cover" />
								)}
							</Show>
							<button
								type="button"
								class="absolute top-1 right-1 flex size-8 items-center justify-center rounded-full bg-ink-900/75 text-white backdrop-blur transition hover:bg-red-600"
								aria-label={t("cart.removeNth", index() + 1)}
								onClick={() => props.onRemove(photo.id)}
								data-testid="cart-remove-photo"
							>
								<X class="size-4" aria-hidden="true" />
							</button>
						</li>
					)}
				</For>
			</ul>
		</section>
	);
}
