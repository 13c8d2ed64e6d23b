import { createAsync } from "@solidjs/router";
import { type JSX, Show } from "solid-js";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { getPayoutStatus, getPayoutSummary } from "../../lib/queries/payouts.ts";
import { spacePaths } from "../../lib/spaces.ts";
import { ConnectCard } from "./connect-card.tsx";
import { PayoutSummaryTable } from "./payout-summary-table.tsx";

/** Getting paid (PRODUCT §4–5): the Stripe Connect account, then the sales per month and event. */
export function PayoutsPage(): JSX.Element {
	const { t } = useI18n();
	const space = useCurrentSpace();
	const status = createAsync(() => getPayoutStatus());
	const summary = createAsync(() => getPayoutSummary());
	return (
		<div class="space-y-8">
			<PageHeading title={t("sections.payouts.title")} text={t("payouts.intro")} />
			<Show when={status()}>
				{(current) => <ConnectCard status={current()} returnPath={spacePaths(space).payouts} />}
			</Show>
			<section class="card p-5 sm:p-6" aria-labelledby="summary-title">
				<h2 id="summary-title" class="text-lg font-bold text-ink-900">
					{t("payouts.summaryTitle")}
				</h2>
				<p class="mt-1 text-sm text-ink-600">{t("payouts.summaryText")}</p>
				<div class="mt-4">
					<Show when={summary()}>{(current) => <PayoutSummaryTable summary={current()} />}</Show>
				</div>
			</section>
		</div>
	);
}
