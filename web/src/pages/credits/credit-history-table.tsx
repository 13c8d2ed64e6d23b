import { createAsync } from "@solidjs/router";
import { For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { formatDayTime } from "../../lib/format-day-time.ts";
import { createMorePages } from "../../lib/more-pages.ts";
import { formatCount } from "../../lib/pro/rates.ts";
import { getCreditHistory } from "../../lib/queries/credits.ts";

/** Every credit movement, newest first, 50 at a time: the balance is their sum (PRODUCT §5). */
export function CreditHistoryTable(): JSX.Element {
	const { t, intlLocale } = useI18n();
	const first = createAsync(() => getCreditHistory());
	// A purchase or a charge adds a movement on top: the older pages restart from the new first one.
	const { rows, cursor, loading, error, loadMore } = createMorePages({
		first,
		fetchPage: (before) => getCreditHistory(before),
		toPage: (history) => ({ rows: history.transactions, next: history.nextBefore }),
		restartWhenFirstChanges: true,
	});
	const signed = (amount: number) =>
		`${amount > 0 ? "+" : amount < 0 ? "−" : ""}${formatCount(Math.abs(amount), intlLocale())}`;
	return (
		<Show
			when={rows().length > 0}
			fallback={<p class="text-sm text-ink-600">{t("creditsPage.historyEmpty")}</p>}
		>
			<div class="relative -mx-5 overflow-x-auto sm:mx-0">
				<table class="min-w-full text-sm" data-testid="credit-history">
					<thead class="border-b border-ink-100 text-xs text-ink-500 uppercase">
						<tr>
							<th scope="col" class="px-3 py-2 text-left font-semibold sm:pl-0">
								{t("creditsPage.date")}
							</th>
							<th scope="col" class="px-3 py-2 text-left font-semibold">
								{t("creditsPage.movement")}
							</th>
							<th scope="col" class="px-3 py-2 text-right font-semibold">
								{t("creditsPage.amount")}
							</th>
							<th scope="col" class="px-3 py-2 text-right font-semibold sm:pr-0">
								{t("creditsPage.balanceAfter")}
							</th>
						</tr>
					</thead>
					<tbody class="divide-y divide-ink-100">
						<For each={rows()}>
							{(row) => (
								<tr>
									<td class="px-3 py-2 whitespace-nowrap text-ink-600 sm:pl-0">
										{formatDayTime(row.createdAt, intlLocale())}
									</td>
									<td class="px-3 py-2 text-ink-800">
										{t(`creditsPage.kinds.${row.kind}`)}
										<Show when={row.note && (row.kind === "admin_adjustment" || row.kind === "refund")}>
											<span class="block text-xs text-ink-500">{row.note}</span>
										</Show>
									</td>
									<td
										class="px-3 py-2 text-right font-semibold tabular-nums whitespace-nowrap"
										classList={{ "text-emerald-700": row.amount > 0, "text-ink-900": row.amount <= 0 }}
									>
										{signed(row.amount)}
									</td>
									<td class="px-3 py-2 text-right text-ink-600 tabular-nums sm:pr-0">
										{formatCount(row.balanceAfter, intlLocale())}
									</td>
								</tr>
							)}
						</For>
					</tbody>
				</table>
			</div>
			<Show when={error() !== undefined}>
				<div class="mt-3">
					<Alert tone="error">{apiErrorMessage(error(), t)}</Alert>
				</div>
			</Show>
			<Show when={cursor()}>
				<button type="button" class="btn-secondary mt-4" disabled={loading()} onClick={() => void loadMore()}>
					<Show when={loading()}>
						<Spinner class="size-4" />
					</Show>
					{t("creditsPage.older")}
				</button>
			</Show>
		</Show>
	);
}
