import { A, createAsync } from "@solidjs/router";
import { For, type JSX, Show } from "solid-js";
import { ProgressBar } from "../../components/progress-bar.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatEventDate } from "../../lib/format.ts";
import { formatRate } from "../../lib/pro/rates.ts";
import { getStatsOverview } from "../../lib/queries/stats.ts";
import type { SpacePaths } from "../../lib/spaces.ts";

/**
 * The organizer's question after the race: does every runner have a photo? Per race, the share
 * of the start list with at least one ready photo.
 */
export function CoverageCard(props: { paths: SpacePaths }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const overview = createAsync(() => getStatsOverview());
	return (
		<section class="card p-6" aria-labelledby="coverage-card-title" data-testid="coverage-card">
			<h2 id="coverage-card-title" class="text-lg font-bold text-ink-900">
				{t("coverage.title.organizer")}
			</h2>
			<p class="mt-1 text-sm text-ink-600">{t("coverage.text")}</p>
			<Show
				when={(overview()?.events ?? []).length > 0}
				fallback={
					<p class="mt-4 text-sm text-ink-600">
						{t("coverage.noRaces")}{" "}
						<A href={props.paths.newEvent} class="font-semibold text-brand-700 hover:underline">
							{t("eventForm.newTitle.organizer")}
						</A>
					</p>
				}
			>
				<ul class="mt-5 divide-y divide-ink-100">
					<For each={overview()?.events}>
						{(event) => (
							<li class="py-3.5 first:pt-0 last:pb-0" data-testid="coverage-row">
								<div class="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
									<A
										href={props.paths.event(event.eventId, "stats")}
										class="font-semibold text-ink-900 hover:text-brand-700"
									>
										{event.name}
									</A>
									<span class="text-xs text-ink-500">{formatEventDate(event.date, intlLocale())}</span>
								</div>
								<Show
									when={event.starters > 0}
									fallback={
										<p class="mt-1.5 text-sm text-ink-600">
											{t("coverage.noStartList.organizer")}{" "}
											<A
												href={props.paths.event(event.eventId, "startList")}
												class="font-semibold text-brand-700 hover:underline"
											>
												{t("coverage.importNow")}
											</A>
										</p>
									}
								>
									<div class="mt-2 flex items-center gap-3">
										<ProgressBar
											value={event.coverage}
											label={t("coverage.barLabel", event.coveredStarters, event.starters)}
										/>
										<span class="w-12 shrink-0 text-right text-sm font-bold text-ink-900 tabular-nums">
											{formatRate(event.coverage, intlLocale())}
										</span>
									</div>
									<p class="mt-1 text-xs text-ink-500">
										{t("coverage.detail", event.coveredStarters, event.starters)}
									</p>
								</Show>
							</li>
						)}
					</For>
				</ul>
			</Show>
		</section>
	);
}
