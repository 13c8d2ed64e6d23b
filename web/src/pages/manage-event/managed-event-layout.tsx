import { A, createAsync, type RouteSectionProps, revalidate, useParams } from "@solidjs/router";
import { ArrowLeft, ExternalLink, SearchX, TriangleAlert } from "lucide-solid";
import { ErrorBoundary, type JSX, Show, Suspense } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PageLoader } from "../../components/spinner.tsx";
import { VisibilityBadge } from "../../components/visibility-badge.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { formatEventDate } from "../../lib/format.ts";
import { audienceOf } from "../../lib/pro/wording.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import { spacePaths } from "../../lib/spaces.ts";
import { EventTabs } from "./event-tabs.tsx";

/**
 * Every page of one managed event (photos, import, start list, packs, stats, settings): the
 * event's name, date and state once, its tabs, then the page. An event the user does not manage
 * (or a wrong address) is "not found" here, before any of its pages asks the server.
 */
export function ManagedEventLayout(props: RouteSectionProps): JSX.Element {
	const { t, intlLocale } = useI18n();
	const params = useParams<{ eventId: string }>();
	const space = useCurrentSpace();
	const paths = spacePaths(space);
	const audience = audienceOf(space);
	const events = createAsync(() => getMyEvents());
	const event = () => events()?.find((e) => e.id === params.eventId);
	return (
		<div>
			<A
				href={paths.events}
				class="inline-flex items-center gap-1.5 text-sm font-medium text-ink-600 hover:text-ink-900"
			>
				<ArrowLeft class="size-4" aria-hidden="true" />
				{t(`eventNav.back.${audience}`)}
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
										{t(`eventNav.back.${audience}`)}
									</A>
								</EmptyState>
							</div>
						}
					>
						{(current) => (
							<>
								<PageTitle>{current().name}</PageTitle>
								<header class="mt-3">
									<div class="flex flex-wrap items-center gap-x-3 gap-y-1">
										<h1 class="min-w-0 text-2xl font-extrabold break-words text-ink-900 sm:text-3xl">
											{current().name}
										</h1>
										<VisibilityBadge visibility={current().visibility} />
									</div>
									<p class="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-600">
										<span>
											{formatEventDate(current().date, intlLocale())} · {current().place}
										</span>
										{/* Not public yet (or any more): managers still get its preview. */}
										<A
											href={`/events/${current().slug}`}
											class="inline-flex items-center gap-1 font-semibold text-brand-700 hover:underline"
										>
											<ExternalLink class="size-3.5" aria-hidden="true" />
											{current().visibility === "public"
												? t("eventNav.publicPage")
												: t("eventNav.previewPage")}
										</A>
									</p>
								</header>
								<div class="mt-5">
									<EventTabs eventId={current().id} paths={paths} />
								</div>
								<div class="mt-6">
									<ErrorBoundary fallback={(_, reset) => <LoadError reset={reset} />}>
										{/* Keyed by the event: another event's page starts afresh (forms, picked files). */}
										<Show when={current().id} keyed>
											<Suspense fallback={<PageLoader />}>{props.children}</Suspense>
										</Show>
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

/** A tab whose data failed: retrying asks the server again for everything the event pages show. */
function LoadError(props: { reset: () => void }): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="mt-6">
			<EmptyState icon={TriangleAlert} title={t("eventNav.loadError")} text={t("errors.generic")}>
				<button
					type="button"
					class="btn-primary"
					onClick={() => {
						void revalidate();
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
			<div class="h-10 w-full animate-pulse rounded bg-ink-100" aria-hidden="true" />
		</div>
	);
}
