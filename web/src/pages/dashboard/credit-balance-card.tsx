import { A, createAsync } from "@solidjs/router";
import { Coins } from "lucide-solid";
import { ErrorBoundary, type JSX, Suspense } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { getCreditBalance } from "../../lib/queries/credit-balance.ts";

/** Live credit balance (PRODUCT §5); on failure it says so rather than showing a stale figure. */
export function CreditBalanceCard(props: { creditsHref: string }): JSX.Element {
	const { t } = useI18n();
	const balance = createAsync(() => getCreditBalance());
	return (
		<section class="card flex flex-col justify-between gap-6 p-6" aria-labelledby="credits-title">
			<div class="flex items-start justify-between gap-4">
				<div>
					<h2 id="credits-title" class="text-sm font-semibold text-ink-500">
						{t("dashboard.creditsLabel")}
					</h2>
					<p class="mt-2 font-display text-3xl font-extrabold text-ink-900 tabular-nums">
						<ErrorBoundary
							fallback={<span class="text-base font-medium text-ink-500">{t("dashboard.creditsError")}</span>}
						>
							<Suspense fallback={<span class="inline-block h-8 w-32 animate-pulse rounded-md bg-ink-100" />}>
								{t("dashboard.credits", balance() ?? 0)}
							</Suspense>
						</ErrorBoundary>
					</p>
					<p class="mt-1 text-sm text-ink-500">{t("dashboard.creditsHint")}</p>
				</div>
				<span class="flex size-11 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
					<Coins class="size-5" aria-hidden="true" />
				</span>
			</div>
			<A href={props.creditsHref} class="btn-secondary self-start">
				{t("dashboard.buyCredits")}
			</A>
		</section>
	);
}
