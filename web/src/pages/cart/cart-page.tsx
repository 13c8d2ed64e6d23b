import { A } from "@solidjs/router";
import { ArrowLeft, ArrowRight, LockKeyhole, ShoppingCart } from "lucide-solid";
import { createEffect, createSignal, For, type JSX, on, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { formatPrice } from "../../lib/format-price.ts";
import { createCartPricing } from "../../lib/shop/cart-pricing.ts";
import { isCartEmpty } from "../../lib/shop/cart-state.ts";
import { checkoutPath, eventPath } from "../../lib/shop/shop-paths.ts";
import { EventShell } from "../event/event-shell.tsx";
import { useShopEvent } from "../event/shop-event-context.ts";
import { AllPhotosItem } from "./all-photos-item.tsx";
import { CartPhotos } from "./cart-photos.tsx";
import { PriceSummary } from "./price-summary.tsx";
import { UpsellOffers } from "./upsell-offers.tsx";

/** `/events/:slug/cart`: what the runner picked, priced by the server, with its upsells. */
export function CartPage(): JSX.Element {
	return <EventShell>{() => <CartContent />}</EventShell>;
}

function CartContent(): JSX.Element {
	const { t, intlLocale } = useI18n();
	const shop = useShopEvent();
	const cart = () => shop.cart();
	const pricing = createCartPricing(
		() => shop.event().id,
		() => cart().state(),
	);
	const [dropped, setDropped] = createSignal(0);

	// Photos deleted or withdrawn since they were picked: out of the cart, and the visitor is told.
	createEffect(
		on(pricing.price, (price) => {
			const gone = price?.unavailablePhotoIds ?? [];
			if (gone.length === 0) return;
			setDropped((n) => n + gone.length);
			cart().remove(gone);
		}),
	);

	const backHref = () => {
		const bib = cart().state().lastBib;
		return eventPath(shop.event().slug, bib ? { bib } : undefined);
	};

	return (
		<div class="mx-auto w-full max-w-6xl px-4 pt-5 pb-32 sm:px-6 lg:px-8 lg:pb-16">
			<PageTitle>{t("cart.metaTitle", shop.event().name)}</PageTitle>
			<A
				href={backHref()}
				class="-ml-1 inline-flex min-h-9 items-center gap-1.5 rounded-md px-1 text-sm font-medium text-ink-600 hover:text-ink-900"
			>
				<ArrowLeft class="size-4" aria-hidden="true" />
				{t("cart.continue")}
			</A>
			<h1 class="mt-2 text-2xl font-extrabold text-ink-900 sm:text-3xl">{t("cart.title")}</h1>
			<p class="mt-1 text-sm text-ink-600">{shop.event().name}</p>
			<Show
				when={!isCartEmpty(cart().state())}
				fallback={
					<div class="mt-6">
						<EmptyState icon={ShoppingCart} title={t("cart.emptyTitle")} text={t("cart.emptyText")}>
							<A href={backHref()} class="btn-primary">
								{t("cart.seePhotos")}
							</A>
						</EmptyState>
					</div>
				}
			>
				<div class="mt-6 grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
					<div class="space-y-4">
						<Show when={dropped() > 0}>
							<Alert tone="info">{t("cart.dropped", dropped())}</Alert>
						</Show>
						<Show when={pricing.error()}>
							{(error) => (
								<Alert tone="error">
									{apiErrorMessage(error(), t)}{" "}
									<button type="button" class="font-semibold underline" onClick={() => pricing.retry()}>
										{t("common.retry")}
									</button>
								</Alert>
							)}
						</Show>
						<Show when={pricing.price()}>
							{(price) => <UpsellOffers price={price()} packs={shop.event().packs} />}
						</Show>
						<Show when={cart().state().allPhotosBibs.length > 0}>
							<ul class="space-y-3">
								<For each={cart().state().allPhotosBibs}>
									{(bib) => (
										<AllPhotosItem
											eventId={shop.event().id}
											bib={bib}
											onRemove={() => cart().removeAllPhotos(bib)}
										/>
									)}
								</For>
							</ul>
						</Show>
						<Show when={cart().state().photos.length > 0}>
							<CartPhotos photos={cart().state().photos} onRemove={(id) => cart().remove([id])} />
						</Show>
					</div>
					<div class="lg:sticky lg:top-24">
						<Show
							when={pricing.price()}
							fallback={
								<Show when={!pricing.error()}>
									<div class="card h-56 animate-pulse p-5" role="status">
										<span class="sr-only">{t("common.loading")}</span>
									</div>
								</Show>
							}
						>
							{(price) => (
								<PriceSummary price={price()} packs={shop.event().packs} pending={pricing.pending()}>
									<A
										href={checkoutPath(shop.event().slug)}
										class="btn-lg btn w-full bg-(--accent) text-(--accent-fg) shadow-sm hover:brightness-110"
										data-testid="go-checkout"
									>
										{t("cart.checkout")}
										<ArrowRight class="size-5" aria-hidden="true" />
									</A>
									<p class="mt-3 flex items-center justify-center gap-1.5 text-xs text-ink-500">
										<LockKeyhole class="size-3.5" aria-hidden="true" />
										{t("cart.secureNote")}
									</p>
								</PriceSummary>
							)}
						</Show>
					</div>
				</div>
				{/* Phones: the total and the way on stay under the thumb, however long the cart. */}
				<Show when={pricing.price()}>
					{(price) => (
						<div class="fixed inset-x-0 bottom-0 z-30 border-t border-ink-100 bg-white/95 px-4 pt-3 pb-[max(env(safe-area-inset-bottom),0.75rem)] shadow-[0_-8px_24px_rgb(11_18_32/0.08)] backdrop-blur lg:hidden">
							<div class="mx-auto flex max-w-xl items-center gap-3">
								<div class="min-w-0 flex-1">
									<p class="text-xs text-ink-500">{t("cart.totalWithFee")}</p>
									<p class="text-xl font-extrabold text-ink-900 tabular-nums">
										{formatPrice(price().totalCents, intlLocale())}
									</p>
								</div>
								<A
									href={checkoutPath(shop.event().slug)}
									class="btn-lg btn bg-(--accent) text-(--accent-fg) shadow-sm hover:brightness-110"
								>
									{t("cart.checkout")}
									<ArrowRight class="size-5" aria-hidden="true" />
								</A>
							</div>
						</div>
					)}
				</Show>
			</Show>
		</div>
	);
}
