import { A } from "@solidjs/router";
import { For, type JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { formatEventDate } from "../../lib/format.ts";
import { formatPrice } from "../../lib/format-price.ts";
import type { EventMetrics } from "../../lib/pro/pro-types.ts";
import { formatCount, formatRate } from "../../lib/pro/rates.ts";
import type { SpacePaths } from "../../lib/spaces.ts";

/** One line per event: the figures side by side (scrolls sideways on a phone), each leading to its stats. */
export function StatsEventsTable(props: { events: readonly EventMetrics[]; paths: SpacePaths }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const head = "px-3 py-2.5 text-right font-semibold whitespace-nowrap";
	const cell = "px-3 py-2.5 text-right tabular-nums whitespace-nowrap";
	return (
		<div class="relative card -mx-4 overflow-x-auto rounded-none sm:mx-0 sm:rounded-2xl">
			<table class="min-w-full text-sm" data-testid="stats-events">
				<caption class="sr-only">{t("stats.tableCaption")}</caption>
				<thead class="border-b border-ink-100 bg-ink-50/60 text-xs text-ink-500 uppercase">
					<tr>
						<th scope="col" class="px-3 py-2.5 text-left font-semibold sm:pl-5">
							{t("stats.event")}
						</th>
						<th scope="col" class={head}>
							{t("stats.photos")}
						</th>
						<th scope="col" class={head}>
							{t("stats.readRate")}
						</th>
						<th scope="col" class={head}>
							{t("stats.orphanRate")}
						</th>
						<th scope="col" class={head}>
							{t("stats.visitors")}
						</th>
						<th scope="col" class={head}>
							{t("stats.conversion")}
						</th>
						<th scope="col" class={`${head} sm:pr-5`}>
							{t("stats.revenue")}
						</th>
					</tr>
				</thead>
				<tbody class="divide-y divide-ink-100">
					<For each={props.events}>
						{(event) => (
							<tr data-testid="stats-event-row" data-event-id={event.eventId}>
								<th scope="row" class="min-w-44 px-3 py-2.5 text-left font-normal sm:pl-5">
									<A
										href={props.paths.event(event.eventId, "stats")}
										class="font-semibold text-ink-900 hover:text-brand-700"
									>
										{event.name}
									</A>
									<span class="block text-xs text-ink-500">{formatEventDate(event.date, intlLocale())}</span>
								</th>
								<td class={cell} data-testid="stats-event-photos">
									{formatCount(event.photos, intlLocale())}
								</td>
								<td class={cell}>{formatRate(event.bibReadRate, intlLocale())}</td>
								<td class={cell}>{formatRate(event.orphanRate, intlLocale())}</td>
								<td class={cell}>{formatCount(event.visitors, intlLocale())}</td>
								<td class={cell}>{formatRate(event.conversionRate, intlLocale())}</td>
								<td class={`${cell} font-semibold text-ink-900 sm:pr-5`}>
									{formatPrice(event.revenueCents, intlLocale())}
								</td>
							</tr>
						)}
					</For>
				</tbody>
			</table>
		</div>
	);
}
