import { For, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { formatPrice } from "../../lib/format-price.ts";
import type { PayoutSummary } from "../../lib/pro/pro-types.ts";
import { formatCount } from "../../lib/pro/rates.ts";

function monthLabel(month: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
		new Date(`${month}-01T00:00:00Z`),
	);
}

/** Sales per month and event: paid by runners, the platform's fee, Stripe's, and what reached the seller. */
export function PayoutSummaryTable(props: { summary: PayoutSummary }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const money = (cents: number) => formatPrice(cents, intlLocale());
	const head = "px-3 py-2.5 text-right font-semibold whitespace-nowrap";
	const cell = "px-3 py-2.5 text-right tabular-nums whitespace-nowrap";
	return (
		<Show
			when={props.summary.rows.length > 0}
			fallback={<p class="text-sm text-ink-600">{t("payouts.summaryEmpty")}</p>}
		>
			<div class="relative -mx-5 overflow-x-auto sm:mx-0">
				<table class="min-w-full text-sm" data-testid="payout-summary">
					<thead class="border-b border-ink-100 text-xs text-ink-500 uppercase">
						<tr>
							<th scope="col" class="px-3 py-2.5 text-left font-semibold sm:pl-0">
								{t("payouts.month")}
							</th>
							<th scope="col" class="px-3 py-2.5 text-left font-semibold">
								{t("stats.event")}
							</th>
							<th scope="col" class={head}>
								{t("payouts.orders")}
							</th>
							<th scope="col" class={head}>
								{t("payouts.sales")}
							</th>
							<th scope="col" class={head}>
								{t("payouts.serviceFee")}
							</th>
							<th scope="col" class={head}>
								{t("payouts.stripeFee")}
							</th>
							<th scope="col" class={`${head} sm:pr-0`}>
								{t("payouts.payout")}
							</th>
						</tr>
					</thead>
					<tbody class="divide-y divide-ink-100">
						<For each={props.summary.rows}>
							{(row) => (
								<tr classList={{ "bg-amber-50/60 text-ink-500": row.isTestPayment }}>
									<td class="px-3 py-2.5 whitespace-nowrap text-ink-700 capitalize sm:pl-0">
										{monthLabel(row.month, intlLocale())}
									</td>
									<td class="min-w-40 px-3 py-2.5 text-ink-900">
										{row.eventName ?? t("orders.deletedEvent")}
										<Show when={row.isTestPayment}>
											<span class="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800">
												{t("orders.testBadge")}
											</span>
										</Show>
									</td>
									<td class={cell}>{formatCount(row.orders, intlLocale())}</td>
									<td class={cell}>{money(row.salesCents)}</td>
									<td class={cell}>{money(row.serviceFeeCents)}</td>
									<td class={cell}>{money(row.stripeFeeCents)}</td>
									<td
										class={`${cell} font-semibold sm:pr-0`}
										classList={{ "text-ink-900": !row.isTestPayment }}
									>
										{money(row.payoutCents)}
									</td>
								</tr>
							)}
						</For>
					</tbody>
					<tfoot class="border-t-2 border-ink-200 font-bold text-ink-900">
						<tr>
							<th scope="row" colSpan={2} class="px-3 py-2.5 text-left sm:pl-0">
								{t("payouts.totals")}
							</th>
							<td class={cell}>{formatCount(props.summary.totals.orders, intlLocale())}</td>
							<td class={cell}>{money(props.summary.totals.salesCents)}</td>
							<td class={cell}>{money(props.summary.totals.serviceFeeCents)}</td>
							<td class={cell} />
							<td class={`${cell} sm:pr-0`}>{money(props.summary.totals.payoutCents)}</td>
						</tr>
					</tfoot>
				</table>
			</div>
			<p class="mt-3 text-xs text-ink-500">{t("payouts.totalsHint")}</p>
		</Show>
	);
}
