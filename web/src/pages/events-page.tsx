import { createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { Images, LoaderCircle, MapPinned, TriangleAlert } from "lucide-solid";
import { ErrorBoundary, For, type JSX, Show, Suspense } from "solid-js";
import { Alert } from "../components/alert.tsx";
import { BibSearchForm } from "../components/bib-search-form.tsx";
import { EmptyState } from "../components/empty-state.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { PublicEventCard, PublicEventCardSkeletons } from "../components/public-event-card.tsx";
import { useI18n } from "../i18n/index.tsx";
import { createMorePages } from "../lib/more-pages.ts";
import { getPublicEvents, publicEventsListPage } from "../lib/queries/public-events.ts";
import { eventPath, searchFromQuery } from "../lib/shop/shop-paths.ts";

/**
 * Public races, latest first, with "load more". A search typed on the home page (bib or name)
 * comes along: each race's link opens its gallery with that search already run.
 */
export function EventsPage(): JSX.Element {
	const { t } = useI18n();
	const [searchParams] = useSearchParams();
	const query = () => (typeof searchParams.q === "string" ? searchParams.q.trim() : "");
	return (
		<div class="flex-1 bg-ink-50">
			<PageTitle>{t("events.metaTitle")}</PageTitle>
			<div class="mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-14 lg:px-8">
				<h1 class="text-3xl font-extrabold text-ink-900 sm:text-4xl">{t("events.title")}</h1>
				<p class="mt-3 max-w-2xl text-lg text-ink-600">{t("events.text")}</p>
				<div class="mt-7 max-w-2xl">
					<BibSearchForm initial={query()} />
				</div>
				<Show when={query()}>
					{(q) => (
						<p
							class="mt-6 inline-flex items-center gap-2 rounded-lg bg-brand-50 px-3.5 py-2.5 text-sm font-medium text-brand-800 ring-1 ring-brand-200"
							role="status"
						>
							<MapPinned class="size-4 shrink-0" aria-hidden="true" />
							{t("events.pickRace", q())}
						</p>
					)}
				</Show>
				<h2 class="sr-only">{t("events.listTitle")}</h2>
				<div class="mt-8">
					<ErrorBoundary fallback={(_, reset) => <ListError reset={reset} />}>
						<Suspense
							fallback={
								<ul class="grid gap-5 sm:grid-cols-2 lg:grid-cols-3" role="status">
									<span class="sr-only">{t("common.loading")}</span>
									<PublicEventCardSkeletons count={3} />
								</ul>
							}
						>
							<EventList query={query()} />
						</Suspense>
					</ErrorBoundary>
				</div>
			</div>
		</div>
	);
}

function EventList(props: { query: string }): JSX.Element {
	const { t } = useI18n();
	const first = createAsync(() => getPublicEvents(publicEventsListPage));
	const more = createMorePages({
		first,
		fetchPage: (cursor) => getPublicEvents({ ...publicEventsListPage, cursor }),
		toPage: (page) => ({ rows: page.events, next: page.nextCursor }),
		restartWhenFirstChanges: false,
	});
	const search = () => searchFromQuery(props.query);
	return (
		<Show
			when={more.rows().length > 0}
			fallback={<EmptyState icon={Images} title={t("events.emptyTitle")} text={t("events.emptyText")} />}
		>
			<ul class="grid gap-5 sm:grid-cols-2 lg:grid-cols-3" data-testid="public-events">
				<For each={more.rows()}>
					{(event) => (
						<li>
							<PublicEventCard event={event} href={eventPath(event.slug, search())} />
						</li>
					)}
				</For>
			</ul>
			<div class="mt-8 flex flex-col items-center gap-3">
				<Show when={more.error() !== undefined}>
					<Alert tone="error">{t("events.loadError")}</Alert>
				</Show>
				<Show when={more.cursor()}>
					<button
						type="button"
						class="btn-secondary"
						disabled={more.loading()}
						onClick={() => void more.loadMore()}
					>
						<Show when={more.loading()}>
							<LoaderCircle class="size-4 animate-spin" aria-hidden="true" />
						</Show>
						{more.loading() ? t("common.loading") : t("events.loadMore")}
					</button>
				</Show>
			</div>
		</Show>
	);
}

function ListError(props: { reset: () => void }): JSX.Element {
	const { t } = useI18n();
	return (
		<EmptyState icon={TriangleAlert} title={t("events.loadError")} text={t("errors.generic")}>
			<button
				type="button"
				class="btn-primary"
				onClick={() => {
					void revalidate(getPublicEvents.key);
					props.reset();
				}}
			>
				{t("common.retry")}
			</button>
		</EmptyState>
	);
}
