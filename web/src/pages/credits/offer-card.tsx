import { CalendarSync, Coins } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatPrice } from "../../lib/format-price.ts";
import type { CreditOffer } from "../../lib/pro/pro-types.ts";
import { formatCount } from "../../lib/pro/rates.ts";

/** One pack or monthly plan: how many credits, its price, and its price per 1 000 credits to compare. */
export function OfferCard(props: {
	offer: CreditOffer;
	best: boolean;
	disabled: boolean;
	pending: boolean;
	onBuy: () => void;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const monthly = () => props.offer.kind === "subscription";
	const perThousand = () => Math.round((props.offer.priceCents * 1000) / props.offer.credits);
	return (
		<article
			class="card relative flex h-full flex-col p-5"
			classList={{ "ring-2 ring-brand-500": props.best }}
			data-testid={`offer-${props.offer.id}`}
		>
			<Show when={props.best}>
				<span class="absolute -top-2.5 left-5 rounded-full bg-brand-600 px-2.5 py-0.5 text-xs font-bold text-white">
					{t("creditsPage.bestValue")}
				</span>
			</Show>
			<div class="flex items-center gap-2 text-sm font-semibold text-ink-500">
				<Show when={monthly()} fallback={<Coins class="size-4 text-brand-600" aria-hidden="true" />}>
					<CalendarSync class="size-4 text-brand-600" aria-hidden="true" />
				</Show>
				{monthly() ? t("creditsPage.monthlyPlan") : t("creditsPage.pack")}
			</div>
			<p class="mt-3 font-display text-3xl font-extrabold text-ink-900 tabular-nums">
				{formatCount(props.offer.credits, intlLocale())}
				<span class="ml-1.5 text-base font-semibold text-ink-600">
					{t("creditsPage.creditsUnit", props.offer.credits)}
					<Show when={monthly()}>{t("creditsPage.perMonth")}</Show>
				</span>
			</p>
			<p class="mt-2 text-xl font-bold text-ink-900">
				{formatPrice(props.offer.priceCents, intlLocale())}
				<Show when={monthly()}>
					<span class="text-sm font-medium text-ink-500">{t("creditsPage.perMonth")}</span>
				</Show>
			</p>
			<p class="mt-1 text-sm text-ink-500">
				{t("creditsPage.perThousand", formatPrice(perThousand(), intlLocale()))}
			</p>
			<button
				type="button"
				class="mt-5 w-full"
				classList={{ "btn-primary": props.best, "btn-secondary": !props.best }}
				disabled={props.disabled || props.pending}
				onClick={() => props.onBuy()}
			>
				<Show when={props.pending}>
					<Spinner class="size-4" />
				</Show>
				{monthly() ? t("creditsPage.subscribe") : t("creditsPage.buy")}
			</button>
		</article>
	);
}
