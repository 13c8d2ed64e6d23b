import { createAsync } from "@solidjs/router";
import { ChartColumn, Download } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { audienceOf } from "../../lib/pro/wording.ts";
import { getStatsOverview } from "../../lib/queries/stats.ts";
import { spacePaths } from "../../lib/spaces.ts";
import { MetricCards } from "./metric-cards.tsx";
import { StatsEventsTable } from "./stats-events-table.tsx";

/** All events' figures: totals as cards, one table line per event, and the same as a spreadsheet. */
export function StatsOverviewPage(): JSX.Element {
	const { t } = useI18n();
	const space = useCurrentSpace();
	const audience = audienceOf(space);
	const overview = createAsync(() => getStatsOverview());
	return (
		<div class="space-y-8">
			<PageHeading title={t("sections.stats.title")} text={t(`stats.intro.${audience}`)}>
				{/* A plain link: the cookie rides along and the browser saves the file itself. */}
				<a href="/api/stats/events.csv" class="btn-secondary" download="" data-testid="stats-csv">
					<Download class="size-4" aria-hidden="true" />
					{t("stats.csv")}
				</a>
			</PageHeading>
			<Show when={overview()}>
				{(current) => (
					<Show
						when={current().events.length > 0}
						fallback={
							<EmptyState
								icon={ChartColumn}
								title={t("stats.emptyTitle")}
								text={t(`stats.emptyText.${audience}`)}
							/>
						}
					>
						<MetricCards metrics={current().totals} />
						<section aria-labelledby="stats-events-title">
							<h2 id="stats-events-title" class="mb-3 text-lg font-bold text-ink-900">
								{t(`stats.perEvent.${audience}`)}
							</h2>
							<StatsEventsTable events={current().events} paths={spacePaths(space)} />
						</section>
					</Show>
				)}
			</Show>
		</div>
	);
}
