import { createAsync, revalidate, useParams } from "@solidjs/router";
import { type JSX, Show, Suspense } from "solid-js";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { audienceOf } from "../../lib/pro/wording.ts";
import { getEventPhotos } from "../../lib/queries/event-photos.ts";
import { getStartListEntries, getStartListSources } from "../../lib/queries/start-list.ts";
import { getEventStats, getStatsOverview } from "../../lib/queries/stats.ts";
import { ConnectorsCard } from "./connectors-card.tsx";
import { CsvImportCard } from "./csv-import-card.tsx";
import { RunnersTable } from "./runners-table.tsx";
import { SyncStatus } from "./sync-status.tsx";

/**
 * The event's start list: import a CSV, or fetch it from a registration platform, then the
 * runners it holds. Every bib of it puts a name on the photos (search by name, coverage).
 */
export function StartListPage(): JSX.Element {
	const { t } = useI18n();
	const params = useParams<{ eventId: string }>();
	const audience = audienceOf(useCurrentSpace());
	const sources = createAsync(() => getStartListSources(params.eventId));
	// Names and coverage show elsewhere too: all of it is asked again after an import or a sync.
	const refresh = () =>
		revalidate([
			getStartListSources.key,
			getStartListEntries.key,
			getStatsOverview.key,
			getEventStats.key,
			getEventPhotos.key,
		]);
	return (
		<div class="space-y-6">
			<PageTitle>{t(`startList.title.${audience}`)}</PageTitle>
			<div>
				<h2 class="text-xl font-bold text-ink-900">{t(`startList.title.${audience}`)}</h2>
				<p class="mt-1 text-sm text-ink-600">{t(`startList.intro.${audience}`)}</p>
				<Show when={sources()?.sources.find((s) => s.provider === "csv")}>
					{(csv) => (
						<div class="mt-3">
							<SyncStatus source={csv()} csv />
						</div>
					)}
				</Show>
			</div>
			<CsvImportCard eventId={params.eventId} audience={audience} onImported={refresh} />
			<Suspense>
				<Show when={sources()}>
					{(current) => (
						<>
							<ConnectorsCard
								eventId={params.eventId}
								audience={audience}
								sources={current()}
								onChanged={refresh}
							/>
							<RunnersTable eventId={params.eventId} total={current().entryCount} />
						</>
					)}
				</Show>
			</Suspense>
		</div>
	);
}
