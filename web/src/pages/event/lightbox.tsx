import { A } from "@solidjs/router";
import { ChevronLeft, ChevronRight, ShoppingCart, X } from "lucide-solid";
import { createEffect, type JSX, on, onCleanup, onMount, Show } from "solid-js";
import { FavoriteButton } from "../../components/favorite-button.tsx";
import { ProtectedImage } from "../../components/protected-image.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { cartPath } from "../../lib/shop/shop-paths.ts";
import type { ShopPhoto } from "../../lib/shop/shop-types.ts";
import { CartToggle } from "./cart-toggle.tsx";
import { useShopEvent } from "./shop-event-context.ts";

/** A horizontal move of this many pixels (more sideways than up or down) turns the page. */
const swipeThreshold = 50;

/**
 * One photo at a time, as large as the screen allows: the watermarked thumbnail (never the
 * original), with the grid image as a blurred stand-in while it loads. A modal <dialog> keeps
 * focus inside; Escape closes, ←/→ and swipes move, the neighbours are fetched ahead.
 */
export function Lightbox(props: {
	photos: ShopPhoto[];
	index: number;
	onIndex: (index: number) => void;
	onClose: () => void;
}): JSX.Element {
	const { t } = useI18n();
	const shop = useShopEvent();
	let dialog: HTMLDialogElement | undefined;
	const photo = () => props.photos[props.index];
	const hasPrevious = () => props.index > 0;
	const hasNext = () => props.index < props.photos.length - 1;
	const previous = () => hasPrevious() && props.onIndex(props.index - 1);
	const next = () => hasNext() && props.onIndex(props.index + 1);

	onMount(() => {
		dialog?.showModal();
		// The page behind must not scroll under a finger swiping through photos.
		const root = document.documentElement;
		const overflow = root.style.overflow;
		root.style.overflow = "hidden";
		onCleanup(() => {
			root.style.overflow = overflow;
		});
	});
	onCleanup(() => dialog?.close());

	// Fetched ahead, so ← and → show the next photo at once.
	createEffect(
		on(
			() => props.index,
			(index) => {
				for (const neighbour of [props.photos[index - 1], props.photos[index + 1]]) {
					if (neighbour?.thumbUrl) new Image().src = neighbour.thumbUrl;
				}
			},
		),
	);

	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === "ArrowLeft") {
			event.preventDefault();
			previous();
		} else if (event.key === "ArrowRight") {
			event.preventDefault();
			next();
		} else if (event.key === "Tab" && dialog) {
			// showModal makes the page inert; this also keeps Tab from leaving for the browser's UI.
			const focusable = [...dialog.querySelectorAll<HTMLElement>("button:not([disabled]), a[href]")];
			const first = focusable[0];
			const last = focusable.at(-1);
			if (event.shiftKey && document.activeElement === first) {
				event.preventDefault();
				last?.focus();
			} else if (!event.shiftKey && document.activeElement === last) {
				event.preventDefault();
				first?.focus();
			}
		}
	};

	let swipeStart: { x: number; y: number } | undefined;
	const onPointerDown = (event: PointerEvent) => {
		swipeStart = event.pointerType === "mouse" ? undefined : { x: event.clientX, y: event.clientY };
	};
	const onPointerUp = (event: PointerEvent) => {
		if (!swipeStart) return;
		const dx = event.clientX - swipeStart.x;
		const dy = event.clientY - swipeStart.y;
		swipeStart = undefined;
		if (Math.abs(dx) < swipeThreshold || Math.abs(dx) < Math.abs(dy)) return;
		if (dx < 0) next();
		else previous();
	};

	const arrow =
		"absolute top-1/2 z-10 hidden size-12 -translate-y-1/2 items-center justify-center rounded-full bg-black/45 text-white ring-1 ring-white/15 backdrop-blur transition hover:bg-black/70 disabled:opacity-0 sm:flex";

	return (
		<dialog
			ref={dialog}
			aria-labelledby="lightbox-title"
			onKeyDown={onKeyDown}
			onClose={() => props.onClose()}
			class="fixed inset-0 m-0 h-dvh max-h-none w-full max-w-none overflow-hidden bg-ink-900 p-0 text-white backdrop:bg-black"
			data-testid="lightbox"
			data-index={props.index}
		>
			<div class="flex h-full flex-col">
				<header class="flex items-center justify-between gap-3 px-3 py-2 sm:px-5">
					<h2 id="lightbox-title" class="text-sm font-semibold tabular-nums text-white/80">
						{t("gallery.position", props.index + 1, props.photos.length)}
					</h2>
					<div class="flex items-center gap-1">
						<A
							href={cartPath(shop.event().slug)}
							class="btn min-h-11 px-3 text-white/90 hover:bg-white/10"
							aria-label={t("cart.openCart", shop.cart().count())}
						>
							<ShoppingCart class="size-5" aria-hidden="true" />
							<span class="tabular-nums" aria-hidden="true">
								{shop.cart().count()}
							</span>
						</A>
						<button
							type="button"
							class="btn min-h-11 px-3 text-white hover:bg-white/10"
							onClick={() => dialog?.close()}
							aria-label={t("gallery.close")}
							data-testid="lightbox-close"
						>
							<X class="size-6" aria-hidden="true" />
						</button>
					</div>
				</header>
				<div
					class="relative flex min-h-0 flex-1 touch-pan-y items-center justify-center px-2 sm:px-16"
					onPointerDown={onPointerDown}
					onPointerUp={onPointerUp}
					onPointerCancel={() => {
						swipeStart = undefined;
					}}
				>
					<button
						type="button"
						class={`${arrow} left-3`}
						onClick={previous}
						disabled={!hasPrevious()}
						aria-label={t("gallery.previous")}
					>
						<ChevronLeft class="size-7" aria-hidden="true" />
					</button>
					<Show when={photo()} keyed>
						{(current) => (
							<div class="relative flex h-full w-full items-center justify-center">
								<Show when={current.microUrl}>
									{(src) => (
										<ProtectedImage
											src={src()}
											alt=""
											aria-hidden="true"
											class="absolute inset-0 m-auto max-h-full max-w-full scale-105 object-contain opacity-60 blur-md"
										/>
									)}
								</Show>
								<Show when={current.thumbUrl ?? current.microUrl}>
									{(src) => (
										<ProtectedImage
											src={src()}
											alt={t("gallery.photoAlt", props.index + 1, shop.event().name)}
											class="relative max-h-full max-w-full rounded-sm object-contain shadow-2xl"
											width={current.width ?? undefined}
											height={current.height ?? undefined}
											data-testid="lightbox-image"
										/>
									)}
								</Show>
							</div>
						)}
					</Show>
					<button
						type="button"
						class={`${arrow} right-3`}
						onClick={next}
						disabled={!hasNext()}
						aria-label={t("gallery.next")}
						data-testid="lightbox-next"
					>
						<ChevronRight class="size-7" aria-hidden="true" />
					</button>
				</div>
				<Show when={photo()}>
					{(current) => (
						<footer class="mx-auto flex w-full max-w-xl items-center gap-2 px-3 pt-3 pb-[max(env(safe-area-inset-bottom),0.75rem)]">
							<FavoriteButton photo={current()} event={shop.favoriteEvent()} look="bar" />
							<CartToggle photo={current()} look="bar" />
						</footer>
					)}
				</Show>
				<p class="pb-2 text-center text-xs text-white/50 sm:hidden">{t("gallery.swipeHint")}</p>
			</div>
		</dialog>
	);
}
