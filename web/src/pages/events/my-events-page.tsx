import { A, createAsync, revalidate } from "@solidjs/router";
import { CalendarDays, Plus, Upload } from "lucide-solid";
import { ErrorBoundary, For, type JSX, Show, Suspense } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { audienceOf } from "../../lib/pro/wording.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import { spacePaths } from "../../lib/spaces.ts";
import { EventCard } from "./event-card.tsx";

/** The pro's events (pro "Events", organizer "My races"): each leads to its pages; a new one starts here. */
export function MyEventsPage(): JSX.Element {
	const { t } = useI18n();
	const space = useCurrentSpace();
	const paths = spacePaths(space);
	const section = space.sections.find((s) => s.kind === "events")?.section ?? "events";
	const events = createAsync(() => getMyEvents());
	return (
		<div>
			<PageTitle>{t(`sections.${section}.title`)}</PageTitle>
			<div class="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
				<div>
					<h1 class="text-2xl font-extrabold text-ink-900 sm:text-3xl">{t(`sections.${section}.title`)}</h1>
					<p class="mt-2 text-ink-600">{t(`sections.${section}.description`)}</p>
				</div>
				<div class="flex shrink-0 flex-wrap gap-2 self-start sm:self-auto">
					<A href={paths.upload()} class="btn-secondary">
						<Upload class="size-4" aria-hidden="true" />
						{t("proEvents.importPhotos")}
					</A>
					<A href={paths.newEvent} class="btn-primary" data-testid="new-event">
						<Plus class="size-4" aria-hidden="true" />
						{t(`eventForm.newTitle.${audienceOf(space)}`)}
					</A>
				</div>
			</div>
			<div class="mt-8">
				<ErrorBoundary
					fallback={(_, reset) => (
						<div class="space-y-4">
							<Alert tone="error">{t("proEvents.loadError")}</Alert>
							<button
								type="button"
								class="btn-secondary"
								onClick={() => {
									void revalidate(getMyEvents.key);
									reset();
								}}
							>
								{t("common.retry")}
							</button>
						</div>
					)}
				>
					<Suspense fallback={<EventListSkeleton />}>
						<Show
							when={(events() ?? []).length > 0}
							fallback={
								<EmptyState
									icon={CalendarDays}
									title={t("proEvents.emptyTitle")}
									text={t("proEvents.emptyText")}
								>
									<A href={paths.newEvent} class="btn-primary">
										<Plus class="size-4" aria-hidden="true" />
										{t(`eventForm.newTitle.${audienceOf(space)}`)}
									</A>
								</EmptyState>
							}
						>
							<ul class="grid gap-4 md:grid-cols-2" aria-label={t("proEvents.listLabel")}>
								<For each={events()}>
									{(event) => (
										<li>
											<EventCard event={event} paths={paths} />
										</li>
									)}
								</For>
							</ul>
						</Show>
					</Suspense>
				</ErrorBoundary>
			</div>
		</div>
	);
}

function EventListSkeleton(): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="grid gap-4 md:grid-cols-2" role="status">
			<span class="sr-only">{t("common.loading")}</span>
			<For each={[0, 1]}>
				{() => (
					<div class="card space-y-4 p-5" aria-hidden="true">
						<div class="h-5 w-2/3 animate-pulse rounded bg-ink-100" />
						<div class="h-4 w-1/2 animate-pulse rounded bg-ink-100" />
						<div class="h-9 w-40 animate-pulse rounded-lg bg-ink-100" />
					</div>
				)}
			</For>
		</div>
	);
}
