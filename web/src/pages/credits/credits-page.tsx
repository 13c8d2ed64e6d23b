import { createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { Coins } from "lucide-solid";
import { createSignal, For, type JSX, onCleanup, onMount, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { useCurrentSpace } from "../../lib/current-space.ts";
import type { CreditOffer, CreditOfferId } from "../../lib/pro/pro-types.ts";
import { formatCount } from "../../lib/pro/rates.ts";
import { getCreditBalance } from "../../lib/queries/credit-balance.ts";
import { getCreditHistory, getCreditOffers } from "../../lib/queries/credits.ts";
import { spacePaths } from "../../lib/spaces.ts";
import { trpc } from "../../lib/trpc.ts";
import { CreditHistoryTable } from "./credit-history-table.tsx";
import { CurrentPlan } from "./current-plan.tsx";
import { OfferCard } from "./offer-card.tsx";
import { TestCreditPayment } from "./test-credit-payment.tsx";

/** The offer with the lowest price per credit in its group is pointed out. */
function bestOf(offers: readonly CreditOffer[]): CreditOfferId | undefined {
	return [...offers].sort((a, b) => a.priceCents / a.credits - b.priceCents / b.credits)[0]?.id;
}

/**
 * Credits (PRODUCT §5): the balance, packs and monthly plans bought on Stripe Checkout (or with
 * the labelled test payment of a site without keys), the current plan and every movement.
 * Stripe sends the pro back with `?purchase=success|canceled`; credits arrive by webhook, so
 * the balance is asked again for a little while after a success.
 */
export function CreditsPage(): JSX.Element {
	const { t, intlLocale } = useI18n();
	const space = useCurrentSpace();
	const [searchParams, setSearchParams] = useSearchParams();
	const offers = createAsync(() => getCreditOffers());
	const balance = createAsync(() => getCreditBalance());
	const history = createAsync(() => getCreditHistory());
	const [buying, setBuying] = createSignal<CreditOfferId>();
	const [testOffer, setTestOffer] = createSignal<CreditOffer>();
	const [error, setError] = createSignal<string>();
	const [paid, setPaid] = createSignal<CreditOffer>();
	const refresh = () => revalidate([getCreditBalance.key, getCreditHistory.key]);

	const returned = () =>
		searchParams.purchase === "success" || searchParams.purchase === "canceled"
			? searchParams.purchase
			: undefined;
	onMount(() => {
		if (returned() !== "success") return;
		let tries = 0;
		const timer = setInterval(() => {
			void refresh();
			if (++tries >= 5) clearInterval(timer);
		}, 3000);
		onCleanup(() => clearInterval(timer));
	});

	const buy = async (offer: CreditOffer) => {
		setError(undefined);
		setPaid(undefined);
		setSearchParams({ purchase: undefined });
		setBuying(offer.id);
		try {
			const started = await trpc.credits.buy.mutate({
				offerId: offer.id,
				returnPath: spacePaths(space).credits,
			});
			if (started.mode === "stripe") {
				window.location.assign(started.url);
				return;
			}
			setTestOffer(offer);
		} catch (err) {
			setError(apiErrorMessage(err, t));
		}
		setBuying(undefined);
	};

	const group = (kind: CreditOffer["kind"]) => (offers()?.offers ?? []).filter((o) => o.kind === kind);

	return (
		<div class="space-y-8">
			<PageHeading title={t("sections.credits.title")} text={t("creditsPage.intro")} />
			<Show when={returned() === "success"}>
				<Alert tone="success">{t("creditsPage.returnedSuccess")}</Alert>
			</Show>
			<Show when={returned() === "canceled"}>
				<Alert tone="info">{t("creditsPage.returnedCanceled")}</Alert>
			</Show>
			<Show when={paid()}>
				{(offer) => (
					<Alert tone="success">
						<span data-testid="credits-paid">
							{t("creditsPage.testPaid", formatCount(offer().credits, intlLocale()))}
						</span>
					</Alert>
				)}
			</Show>
			<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>

			<div class="grid gap-4 lg:grid-cols-2">
				<section class="card p-6" aria-labelledby="balance-title">
					<h2 id="balance-title" class="flex items-center gap-2 text-sm font-semibold text-ink-500">
						<Coins class="size-4 text-brand-600" aria-hidden="true" />
						{t("creditsPage.balanceLabel")}
					</h2>
					<p
						class="mt-2 font-display text-4xl font-extrabold text-ink-900 tabular-nums"
						data-testid="credits-balance"
					>
						{formatCount(balance() ?? 0, intlLocale())}
						<span class="ml-2 text-lg font-semibold text-ink-500">
							{t("creditsPage.creditsUnit", balance() ?? 0)}
						</span>
					</p>
					<p class="mt-1 text-sm text-ink-500">{t("dashboard.creditsHint")}</p>
				</section>
				<section class="card p-6" aria-labelledby="plan-title">
					<h2 id="plan-title" class="text-sm font-semibold text-ink-500">
						{t("creditsPage.planTitle")}
					</h2>
					<div class="mt-3">
						<CurrentPlan subscriptions={history()?.subscriptions ?? []} />
					</div>
				</section>
			</div>

			<Show when={offers()?.mode === "disabled"}>
				<Alert tone="info">{t("creditsPage.disabled")}</Alert>
			</Show>
			<Show when={testOffer()}>
				{(offer) => (
					<TestCreditPayment
						offer={offer()}
						onCancel={() => setTestOffer(undefined)}
						onPaid={() => {
							// Read before closing the panel: its accessor is stale once it is gone.
							const bought = offer();
							setTestOffer(undefined);
							setPaid(bought);
							void refresh();
						}}
					/>
				)}
			</Show>

			<For each={["pack", "subscription"] as const}>
				{(kind) => (
					<section aria-labelledby={`offers-${kind}`}>
						<h2 id={`offers-${kind}`} class="text-lg font-bold text-ink-900">
							{kind === "pack" ? t("creditsPage.packsTitle") : t("creditsPage.plansTitle")}
						</h2>
						<p class="mt-1 text-sm text-ink-600">
							{kind === "pack" ? t("creditsPage.packsText") : t("creditsPage.plansText")}
						</p>
						<ul class="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
							<For each={group(kind)}>
								{(offer) => (
									<li>
										<OfferCard
											offer={offer}
											best={bestOf(group(kind)) === offer.id}
											disabled={
												offers()?.mode === "disabled" || buying() !== undefined || testOffer() !== undefined
											}
											pending={buying() === offer.id}
											onBuy={() => void buy(offer)}
										/>
									</li>
								)}
							</For>
						</ul>
					</section>
				)}
			</For>

			<section class="card p-5 sm:p-6" aria-labelledby="history-title">
				<h2 id="history-title" class="text-lg font-bold text-ink-900">
					{t("creditsPage.historyTitle")}
				</h2>
				<div class="mt-4">
					<CreditHistoryTable />
				</div>
			</section>
		</div>
	);
}
