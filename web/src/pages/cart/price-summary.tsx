import { For, type JSX, Show } from "solid-js";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatPrice } from "../../lib/format-price.ts";
import { packLabel } from "../../lib/shop/pack-label.ts";
import type { CartLine, CartPrice, PricePack } from "../../lib/shop/shop-types.ts";

/** The receipt as the server priced it: one row per pack line, the service fee, the total. */
export function PriceSummary(props: {
	price: CartPrice;
	packs: readonly PricePack[];
	pending?: boolean;
	children?: JSX.Element;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const money = (cents: number) => formatPrice(cents, intlLocale());
	const lineLabel = (line: CartLine) => {
		if (line.bib) return t("cart.allPhotosOf", line.bib);
		const pack = props.packs.find((p) => p.id === line.packId);
		return pack ? t("cart.packLine", packLabel(pack, t)) : line.name;
	};
	// Said only when it adds something: an all-photos line's count, a pack not filled up.
	const lineDetail = (line: CartLine) => {
		if (line.bib) return t("events.photoCount", line.photoIds.length);
		const size = props.packs.find((p) => p.id === line.packId)?.photoCount;
		return size && line.photoIds.length < size ? t("cart.packFill", line.photoIds.length, size) : undefined;
	};
	return (
		<section class="card p-4 sm:p-5" aria-labelledby="summary-title" aria-busy={props.pending}>
			<div class="flex items-center justify-between gap-3">
				<h2 id="summary-title" class="text-base font-bold text-ink-900">
					{t("cart.summaryTitle")}
				</h2>
				<Show when={props.pending}>
					<span class="flex items-center gap-1.5 text-xs font-medium text-ink-500">
						<Spinner class="size-3.5" />
						{t("cart.updating")}
					</span>
				</Show>
			</div>
			<dl class="mt-3 divide-y divide-ink-100 text-sm" classList={{ "opacity-60": props.pending }}>
				<For each={props.price.lines}>
					{(line) => (
						<div class="flex items-baseline justify-between gap-4 py-2.5" data-testid="price-line">
							<dt class="min-w-0">
								<span class="block font-medium text-ink-900">{lineLabel(line)}</span>
								<Show when={lineDetail(line)}>
									{(detail) => <span class="block text-xs text-ink-500">{detail()}</span>}
								</Show>
							</dt>
							<dd class="shrink-0 font-semibold text-ink-900 tabular-nums">{money(line.priceCents)}</dd>
						</div>
					)}
				</For>
				<div class="flex items-baseline justify-between gap-4 py-2.5" data-testid="service-fee">
					<dt class="text-ink-700">
						{t("cart.serviceFee")}
						<span class="block text-xs text-ink-500">{t("cart.serviceFeeHint")}</span>
					</dt>
					<dd class="shrink-0 font-semibold text-ink-900 tabular-nums">
						{money(props.price.serviceFeeCents)}
					</dd>
				</div>
				<div class="flex items-baseline justify-between gap-4 pt-3">
					<dt class="text-base font-bold text-ink-900">
						{t("cart.total")}
						<span class="block text-xs font-normal text-ink-500">
							{t("cart.hdCount", props.price.photoIds.length)}
						</span>
					</dt>
					<dd class="shrink-0 text-2xl font-extrabold text-ink-900 tabular-nums" data-testid="cart-total">
						{money(props.price.totalCents)}
					</dd>
				</div>
			</dl>
			<Show when={props.children}>
				<div class="mt-4">{props.children}</div>
			</Show>
		</section>
	);
}
