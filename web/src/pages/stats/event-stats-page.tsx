import { createAsync, useParams } from "@solidjs/router";
import { type JSX, Show } from "solid-js";
import { PageTitle } from "../../components/page-title.tsx";
import { ProgressBar } from "../../components/progress-bar.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { formatRate } from "../../lib/pro/rates.ts";
import { audienceOf } from "../../lib/pro/wording.ts";
import { getEventStats } from "../../lib/queries/stats.ts";
import { DailyChart } from "./daily-chart.tsx";
import { MetricCards } from "./metric-cards.tsx";
import { PhotoStatesBar } from "./photo-states-bar.tsx";
import { TopRunnersTable } from "./top-runners-table.tsx";

/** One event's figures: the cards, 30 days of visitors and orders, its photos' states, coverage, top runners. */
export function EventStatsPage(): JSX.Element {
	const { t, intlLocale } = useI18n();
	const params = useParams<{ eventId: string }>();
	const audience = audienceOf(useCurrentSpace());
	const stats = createAsync(() => getEventStats(params.eventId));
	return (
		<Show when={stats()}>
			{(current) => (
				<div class="space-y-6">
					<PageTitle>{`${t("eventNav.tabs.stats")} · ${current().name}`}</PageTitle>
					<h2 class="sr-only">{t("eventNav.tabs.stats")}</h2>
					<MetricCards metrics={current()} />
					<section class="card p-5 sm:p-6" aria-labelledby="daily-title">
						<h3 id="daily-title" class="font-bold text-ink-900">
							{t("stats.dailyTitle")}
						</h3>
						<div class="mt-4">
							<DailyChart daily={current().daily} />
						</div>
					</section>
					<div class="grid gap-6 lg:grid-cols-2">
						<section class="card p-5 sm:p-6" aria-labelledby="states-title">
							<h3 id="states-title" class="font-bold text-ink-900">
								{t("stats.statesTitle")}
							</h3>
							<div class="mt-4">
								<PhotoStatesBar metrics={current()} />
							</div>
						</section>
						<section class="card p-5 sm:p-6" aria-labelledby="coverage-title">
							<h3 id="coverage-title" class="font-bold text-ink-900">
								{t(`coverage.title.${audience}`)}
							</h3>
							<Show
								when={current().starters > 0}
								fallback={<p class="mt-3 text-sm text-ink-600">{t(`coverage.noStartList.${audience}`)}</p>}
							>
								<p class="mt-3 font-display text-2xl font-extrabold text-ink-900 tabular-nums">
									{formatRate(current().coverage, intlLocale())}
								</p>
								<ProgressBar
									class="mt-2"
									value={current().coverage}
									label={t("coverage.barLabel", current().coveredStarters, current().starters)}
								/>
								<p class="mt-2 text-sm text-ink-600">
									{t("coverage.detail", current().coveredStarters, current().starters)}
								</p>
							</Show>
						</section>
					</div>
					<section class="card p-5 sm:p-6" aria-labelledby="top-title">
						<h3 id="top-title" class="font-bold text-ink-900">
							{t("stats.topTitle")}
						</h3>
						<div class="mt-4">
							<TopRunnersTable runners={current().topRunners} />
						</div>
					</section>
				</div>
			)}
		</Show>
	);
}
