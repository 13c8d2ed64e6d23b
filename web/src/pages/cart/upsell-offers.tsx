import { A, createAsync } from "@solidjs/router";
import { PackagePlus, Sparkles } from "lucide-solid";
import { For, type JSX, Show, Suspense } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { formatPrice } from "../../lib/format-price.ts";
import { getBibSearch } from "../../lib/queries/bib-search.ts";
import { packLabel } from "../../lib/shop/pack-label.ts";
import { eventPath } from "../../lib/shop/shop-paths.ts";
import type { CartPrice, CartUpsell, PricePack, ShopPhoto } from "../../lib/shop/shop-types.ts";
import { useShopEvent } from "../event/shop-event-context.ts";

type AddPhotosUpsell = Extract<CartUpsell, { kind: "add_photos" }>;
type AllPhotosUpsell = Extract<CartUpsell, { kind: "all_photos" }>;

/**
 * The server's upsells as sentences with one action each: "Add 3 photos for €5: take the
 * 5-photo pack", "All 12 photos of bib 123 for €4 more". Amounts are the server's.
 */
export function UpsellOffers(props: { price: CartPrice; packs: readonly PricePack[] }): JSX.Element {
	return (
		<Show when={props.price.upsells.length > 0}>
			<ul class="space-y-3" data-testid="upsells">
				<For each={props.price.upsells}>
					{(upsell) =>
						upsell.kind === "add_photos" ? (
							<AddPhotosOffer upsell={upsell} packs={props.packs} />
						) : (
							<AllPhotosOffer upsell={upsell} price={props.price} />
						)
					}
				</For>
			</ul>
		</Show>
	);
}

function OfferCard(props: { icon: "plus" | "sparkles"; text: string; children: JSX.Element }): JSX.Element {
	return (
		<li
			class="flex flex-col gap-3 rounded-2xl border border-amber-200 bg-amber-50 p-4 sm:flex-row sm:items-center"
			data-testid="upsell"
		>
			<div class="flex min-w-0 flex-1 items-start gap-3">
				<span class="flex size-9 shrink-0 items-center justify-center rounded-full bg-amber-400 text-ink-900">
					{props.icon === "plus" ? (
						<PackagePlus class="size-5" aria-hidden="true" />
					) : (
						<Sparkles class="size-5" aria-hidden="true" />
					)}
				</span>
				<p class="pt-1.5 font-semibold text-pretty text-amber-950">{props.text}</p>
			</div>
			<div class="flex shrink-0 flex-wrap gap-2 sm:justify-end">{props.children}</div>
		</li>
	);
}

/**
 * More photos for little more. One click adds the next photos of the runner last searched
 * (the photos they were looking at); without such photos, the visitor picks them in the gallery.
 */
function AddPhotosOffer(props: { upsell: AddPhotosUpsell; packs: readonly PricePack[] }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const shop = useShopEvent();
	const pack = () => props.packs.find((p) => p.id === props.upsell.packId);
	const packName = () => {
		const found = pack();
		return found ? packLabel(found, t) : "";
	};
	const text = () =>
		props.upsell.extraCents === 0
			? t("cart.upsellFreeSlots", props.upsell.extraPhotos, packName())
			: t(
					"cart.upsellAddPhotos",
					props.upsell.extraPhotos,
					formatPrice(props.upsell.extraCents, intlLocale()),
					packName(),
				);
	const lastBib = () => shop.cart().state().lastBib;
	return (
		<OfferCard icon="plus" text={text()}>
			<Suspense>
				<Show when={lastBib()}>{(bib) => <AddFromBib bib={bib()} count={props.upsell.extraPhotos} />}</Show>
			</Suspense>
			<A
				href={eventPath(shop.event().slug, lastBib() ? { bib: lastBib() ?? "" } : undefined)}
				class="btn-secondary"
			>
				{t("cart.upsellChoose", props.upsell.extraPhotos)}
			</A>
		</OfferCard>
	);
}

function AddFromBib(props: { bib: string; count: number }): JSX.Element {
	const { t } = useI18n();
	const shop = useShopEvent();
	const result = createAsync(() => getBibSearch(shop.event().id, props.bib));
	const candidates = (): ShopPhoto[] =>
		(result()?.photos ?? []).filter((p) => !shop.cart().has(p.id)).slice(0, props.count);
	return (
		<Show when={candidates().length === props.count}>
			<button
				type="button"
				class="btn bg-ink-900 whitespace-normal text-white hover:bg-ink-800"
				onClick={() => shop.cart().add(candidates(), props.bib)}
				data-testid="upsell-add-photos"
			>
				{t("cart.upsellAddFromBib", props.count, props.bib)}
			</button>
		</Show>
	);
}

function AllPhotosOffer(props: { upsell: AllPhotosUpsell; price: CartPrice }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const shop = useShopEvent();
	const text = () =>
		props.upsell.extraCents === 0
			? t("cart.upsellAllPhotosFree", props.upsell.photoCount, props.upsell.bib)
			: t(
					"cart.upsellAllPhotos",
					props.upsell.photoCount,
					props.upsell.bib,
					formatPrice(props.upsell.extraCents, intlLocale()),
				);
	// The server priced the offer with the cart's current all-photos lines kept: pin them too.
	const take = () =>
		shop.cart().takeAllPhotosOffer(
			props.price.lines.flatMap((line) => (line.bib ? [line.bib] : [])),
			props.upsell.bib,
		);
	return (
		<OfferCard icon="sparkles" text={text()}>
			<button
				type="button"
				class="btn bg-ink-900 whitespace-normal text-white hover:bg-ink-800"
				onClick={take}
				data-testid="upsell-all-photos"
			>
				{t("cart.upsellTakeAll")}
			</button>
		</OfferCard>
	);
}
