import { A, createAsync, revalidate, useParams, useSearchParams } from "@solidjs/router";
import { ArrowLeft, SearchX, TriangleAlert, Upload } from "lucide-solid";
import { ErrorBoundary, type JSX, Show, Suspense } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { formatEventDate } from "../../lib/format.ts";
import { getEventPhotos, isPhotoFilter, type PhotoFilter } from "../../lib/queries/event-photos.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import { spacePaths } from "../../lib/spaces.ts";
import { PhotoGrid } from "./photo-grid.tsx";
import { StatusFilter } from "./status-filter.tsx";

/** One event's photos for its pro: state filter, grid, side panel to fix bibs or delete. */
export function EventPhotosPage(): JSX.Element {
	const { t, intlLocale } = useI18n();
	const params = useParams<{ eventId: string }>();
	const [searchParams, setSearchParams] = useSearchParams();
	const paths = spacePaths(useCurrentSpace());
	const filter = (): PhotoFilter => (isPhotoFilter(searchParams.status) ? searchParams.status : "all");
	const setFilter = (value: PhotoFilter) => setSearchParams({ status: value === "all" ? undefined : value });
	const events = createAsync(() => getMyEvents());
	const event = () => events()?.find((e) => e.id === params.eventId);

	return (
		<div>
			<A
				href={paths.events}
				class="inline-flex items-center gap-1.5 text-sm font-medium text-ink-600 hover:text-ink-900"
			>
				<ArrowLeft class="size-4" aria-hidden="true" />
				{t("photos.back")}
			</A>
			<ErrorBoundary fallback={(_, reset) => <LoadError reset={reset} />}>
				<Suspense fallback={<HeaderSkeleton />}>
					<Show
						when={event()}
						fallback={
							<div class="mt-6">
								<PageTitle>{t("photos.notFoundTitle")}</PageTitle>
								<EmptyState icon={SearchX} title={t("photos.notFoundTitle")} text={t("photos.notFoundText")}>
									<A href={paths.events} class="btn-secondary">
										{t("photos.back")}
									</A>
								</EmptyState>
							</div>
						}
					>
						{(current) => (
							<>
								<PageTitle>{current().name}</PageTitle>
								<div class="mt-3 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
									<div class="min-w-0">
										<h1 class="text-2xl font-extrabold text-ink-900 sm:text-3xl">{current().name}</h1>
										<p class="mt-1 text-sm text-ink-600">
											{formatEventDate(current().date, intlLocale())} · {current().place}
										</p>
										<p class="mt-1 text-sm font-medium text-ink-800" data-testid="event-photo-summary">
											{t("photos.summary", current().photoCount, current().readyCount)}
										</p>
									</div>
									<A href={paths.upload(current().id)} class="btn-primary shrink-0 self-start sm:self-auto">
										<Upload class="size-4" aria-hidden="true" />
										{t("proEvents.importPhotos")}
									</A>
								</div>
								<div class="mt-6">
									<StatusFilter value={filter()} onChange={setFilter} />
								</div>
								<div class="mt-5">
									<ErrorBoundary fallback={(_, reset) => <LoadError reset={reset} />}>
										<Suspense fallback={<GridSkeleton />}>
											<PhotoGrid
												eventId={current().id}
												filter={filter()}
												uploadHref={paths.upload(current().id)}
												onShowAll={() => setFilter("all")}
											/>
										</Suspense>
									</ErrorBoundary>
								</div>
							</>
						)}
					</Show>
				</Suspense>
			</ErrorBoundary>
		</div>
	);
}

function LoadError(props: { reset: () => void }): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="mt-6">
			<EmptyState icon={TriangleAlert} title={t("photos.loadError")} text={t("errors.generic")}>
				<button
					type="button"
					class="btn-primary"
					onClick={() => {
						void revalidate([getMyEvents.key, getEventPhotos.key]);
						props.reset();
					}}
				>
					{t("common.retry")}
				</button>
			</EmptyState>
		</div>
	);
}

function HeaderSkeleton(): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="mt-3 space-y-3" role="status">
			<span class="sr-only">{t("common.loading")}</span>
			<div class="h-8 w-2/3 max-w-md animate-pulse rounded-lg bg-ink-100" aria-hidden="true" />
			<div class="h-4 w-1/2 max-w-xs animate-pulse rounded bg-ink-100" aria-hidden="true" />
			<GridSkeleton />
		</div>
	);
}

function GridSkeleton(): JSX.Element {
	return (
		<div
			class="grid grid-cols-2 gap-2 pt-4 sm:grid-cols-3 sm:gap-3 md:grid-cols-4 xl:grid-cols-5"
			aria-hidden="true"
		>
			{Array.from({ length: 10 }, () => (
				<div class="aspect-square animate-pulse rounded-xl bg-ink-100" />
			))}
		</div>
	);
}
