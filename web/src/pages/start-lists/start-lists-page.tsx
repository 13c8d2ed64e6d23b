import { A, createAsync } from "@solidjs/router";
import { ClipboardList, Plus } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { ProgressBar } from "../../components/progress-bar.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { formatEventDate } from "../../lib/format.ts";
import { formatRate } from "../../lib/pro/rates.ts";
import { audienceOf } from "../../lib/pro/wording.ts";
import { getStatsOverview } from "../../lib/queries/stats.ts";
import { spacePaths } from "../../lib/spaces.ts";

/** The organizer's "Start lists" section: each race's runners count and coverage, leading to its start list. */
export function StartListsPage(): JSX.Element {
	const { t, intlLocale } = useI18n();
	const space = useCurrentSpace();
	const audience = audienceOf(space);
	const paths = spacePaths(space);
	const overview = createAsync(() => getStatsOverview());
	return (
		<div class="space-y-8">
			<PageHeading title={t("sections.startLists.title")} text={t("sections.startLists.description")} />
			<Show
				when={(overview()?.events ?? []).length > 0}
				fallback={
					<EmptyState icon={ClipboardList} title={t("proEvents.emptyTitle")} text={t("coverage.noRaces")}>
						<A href={paths.newEvent} class="btn-primary">
							<Plus class="size-4" aria-hidden="true" />
							{t(`eventForm.newTitle.${audience}`)}
						</A>
					</EmptyState>
				}
			>
				<ul class="grid gap-4 md:grid-cols-2">
					<For each={overview()?.events}>
						{(event) => (
							<li class="card flex flex-col gap-3 p-5">
								<div>
									<h2 class="text-lg font-bold text-ink-900">{event.name}</h2>
									<p class="text-sm text-ink-600">{formatEventDate(event.date, intlLocale())}</p>
								</div>
								<p class="text-sm text-ink-800">
									<span class="font-semibold">{t("startList.runnersCount", event.starters)}</span>
								</p>
								<Show when={event.starters > 0}>
									<div class="flex items-center gap-3">
										<ProgressBar
											value={event.coverage}
											label={t("coverage.barLabel", event.coveredStarters, event.starters)}
										/>
										<span class="w-12 shrink-0 text-right text-sm font-bold tabular-nums">
											{formatRate(event.coverage, intlLocale())}
										</span>
									</div>
									<p class="text-xs text-ink-500">
										{t("coverage.detail", event.coveredStarters, event.starters)} ·{" "}
										{t("proEvents.photoCount", event.photos)}
									</p>
								</Show>
								<A href={paths.event(event.eventId, "startList")} class="btn-secondary mt-auto self-start">
									<ClipboardList class="size-4" aria-hidden="true" />
									{event.starters > 0
										? t(`startList.open.${audience}`)
										: t(`startList.importFirst.${audience}`)}
								</A>
							</li>
						)}
					</For>
				</ul>
			</Show>
		</div>
	);
}
