import { A, createAsync, revalidate, useParams, useSearchParams } from "@solidjs/router";
import { TriangleAlert, Upload } from "lucide-solid";
import { ErrorBoundary, type JSX, Show, Suspense } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { getEventPhotos, isPhotoFilter, type PhotoFilter } from "../../lib/queries/event-photos.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import { spacePaths } from "../../lib/spaces.ts";
import { PhotoGrid } from "./photo-grid.tsx";
import { StatusFilter } from "./status-filter.tsx";

/**
 * One event's photos for its pro (the first tab of the event): state filter, grid, side panel to
 * fix bibs or delete. The event's header and "not found" belong to ManagedEventLayout.
 */
export function EventPhotosPage(): JSX.Element {
	const { t } = useI18n();
	const params = useParams<{ eventId: string }>();
	const [searchParams, setSearchParams] = useSearchParams();
	const paths = spacePaths(useCurrentSpace());
	const filter = (): PhotoFilter => (isPhotoFilter(searchParams.status) ? searchParams.status : "all");
	const setFilter = (value: PhotoFilter) => setSearchParams({ status: value === "all" ? undefined : value });
	const events = createAsync(() => getMyEvents());
	const event = () => events()?.find((e) => e.id === params.eventId);

	return (
		<Show when={event()}>
			{(current) => (
				<>
					<div class="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
						<p class="text-sm font-medium text-ink-800" data-testid="event-photo-summary">
							{t("photos.summary", current().photoCount, current().readyCount)}
						</p>
						<A href={paths.upload(current().id)} class="btn-primary shrink-0 self-start sm:self-auto">
							<Upload class="size-4" aria-hidden="true" />
							{t("proEvents.importPhotos")}
						</A>
					</div>
					<div class="mt-5">
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
