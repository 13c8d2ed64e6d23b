import { Meta } from "@solidjs/meta";
import { revalidate, useSearchParams } from "@solidjs/router";
import { TriangleAlert } from "lucide-solid";
import { createSignal, ErrorBoundary, type JSX, Match, Show, Suspense, Switch } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { type Translate, useI18n } from "../../i18n/index.tsx";
import { formatEventDate } from "../../lib/format.ts";
import { getBibSearch } from "../../lib/queries/bib-search.ts";
import { getGalleryPhotos } from "../../lib/queries/gallery-photos.ts";
import type { PublicEvent, ShopPhoto } from "../../lib/shop/shop-types.ts";
import { AllPhotosGallery } from "./all-photos-gallery.tsx";
import { BibResults } from "./bib-results.tsx";
import { EventBar } from "./event-bar.tsx";
import { EventHeader } from "./event-header.tsx";
import { EventShell } from "./event-shell.tsx";
import { FavoriteResults } from "./favorite-results.tsx";
import { PhotoSearch, type SearchMode } from "./photo-search.tsx";
import { SelfieResults } from "./selfie-results.tsx";

const param = (value: string | string[] | undefined) =>
	typeof value === "string" && value.trim() ? value.trim() : undefined;

/**
 * `/events/:slug`: the race's public page. Its gallery, or a search's results in its place; a
 * bib search lives in the address (`?bib=123`) so it can be shared and reloaded. A selfie's
 * results stay in memory: a face is not something to put in a link.
 */
export function EventPage(): JSX.Element {
	const { t, intlLocale } = useI18n();
	const [searchParams, setSearchParams] = useSearchParams();
	const bib = () => param(searchParams.bib);
	const [selfie, setSelfie] = createSignal<ShopPhoto[]>();
	const [searchKey, setSearchKey] = createSignal(0);
	const [initialMode, setInitialMode] = createSignal<SearchMode>(param(searchParams.name) ? "name" : "bib");
	let results: HTMLElement | undefined;

	const showResults = () => {
		// On a phone the header and search fill the screen: bring the answer into view.
		queueMicrotask(() => results?.scrollIntoView({ behavior: "smooth", block: "start" }));
	};
	const onBib = (value: string) => {
		setSelfie(undefined);
		setSearchParams({ bib: value, name: undefined, favorites: undefined });
		showResults();
	};
	const onSelfie = (photos: ShopPhoto[]) => {
		setSelfie(photos);
		setSearchParams({ bib: undefined, name: undefined, favorites: undefined });
		showResults();
	};
	const backToAll = () => {
		setSelfie(undefined);
		setSearchParams({ bib: undefined, name: undefined, favorites: undefined });
	};
	const toggleFavorites = () => {
		const showing = searchParams.favorites === "1" && !bib() && !selfie();
		setSelfie(undefined);
		setSearchParams({ bib: undefined, name: undefined, favorites: showing ? undefined : "1" });
		if (!showing) showResults();
	};
	const trySelfie = () => {
		backToAll();
		// A fresh search box, opened on its selfie tab (the mode first: the box reads it once).
		setInitialMode("selfie");
		setSearchKey((k) => k + 1);
		window.scrollTo({ top: 0, behavior: "smooth" });
	};
	const view = () =>
		bib() ? "bib" : selfie() ? "selfie" : searchParams.favorites === "1" ? "favorites" : "all";

	return (
		<EventShell searchedBib={bib} fallback={<EventPageSkeleton />}>
			{(event) => (
				<>
					<PageTitle>{event().name}</PageTitle>
					<Meta
						name="description"
						content={metaDescription(event(), t, formatEventDate(event().date, intlLocale()))}
					/>
					<EventHeader event={event()} />
					{/* A direct child of the page's column, so it stays stuck for the whole gallery. */}
					<EventBar showingFavorites={view() === "favorites"} onFavorites={toggleFavorites} />
					<div class="mx-auto w-full max-w-7xl px-4 pt-5 pb-16 sm:px-6 lg:px-8">
						<div class="mx-auto max-w-2xl">
							{/* Keyed by searchKey: "try a selfie" remounts the box on its selfie tab. */}
							<Show when={String(searchKey())} keyed>
								{(_key) => (
									<PhotoSearch
										eventId={event().id}
										initialMode={initialMode()}
										bib={bib()}
										initialName={param(searchParams.name)}
										onBib={onBib}
										onSelfieResults={onSelfie}
									/>
								)}
							</Show>
						</div>
						<section ref={results} class="mt-8 scroll-mt-32">
							{/* Keyed by what is shown: a new search clears a failed one's error. */}
							<Show when={`${view()}|${bib() ?? ""}`} keyed>
								{(_shown) => (
									<ErrorBoundary fallback={(_, reset) => <ResultsError reset={reset} />}>
										<Suspense fallback={<GridSkeleton />}>
											<Switch>
												<Match when={view() === "bib" && bib()}>
													{(value) => <BibResults bib={value()} onBack={backToAll} onTrySelfie={trySelfie} />}
												</Match>
												<Match when={view() === "selfie" && selfie()}>
													{(photos) => <SelfieResults photos={photos()} onBack={backToAll} />}
												</Match>
												<Match when={view() === "favorites"}>
													<FavoriteResults onBack={backToAll} />
												</Match>
												<Match when={view() === "all"}>
													<h2 class="mb-4 text-lg font-bold text-ink-900">{t("gallery.allTitle")}</h2>
													<AllPhotosGallery eventId={event().id} />
												</Match>
											</Switch>
										</Suspense>
									</ErrorBoundary>
								)}
							</Show>
						</section>
					</div>
				</>
			)}
		</EventShell>
	);
}

function metaDescription(event: PublicEvent, t: Translate, date: string): string {
	return event.description?.trim() || t("event.metaDescription", event.name, date, event.place);
}

function ResultsError(props: { reset: () => void }): JSX.Element {
	const { t } = useI18n();
	return (
		<EmptyState icon={TriangleAlert} title={t("gallery.loadError")} text={t("errors.generic")}>
			<button
				type="button"
				class="btn-primary"
				onClick={() => {
					void revalidate([getGalleryPhotos.key, getBibSearch.key]);
					props.reset();
				}}
			>
				{t("common.retry")}
			</button>
		</EmptyState>
	);
}

function GridSkeleton(): JSX.Element {
	const { t } = useI18n();
	return (
		<div role="status">
			<span class="sr-only">{t("common.loading")}</span>
			<div
				class="grid grid-cols-2 gap-1.5 sm:grid-cols-3 sm:gap-2 lg:grid-cols-4 xl:grid-cols-5"
				aria-hidden="true"
			>
				{Array.from({ length: 10 }, () => (
					<div class="aspect-[3/2] animate-pulse rounded-lg bg-ink-200/70" />
				))}
			</div>
		</div>
	);
}

function EventPageSkeleton(): JSX.Element {
	return (
		<div class="flex-1 bg-ink-50" aria-hidden="true">
			<div class="h-56 animate-pulse bg-ink-800 sm:h-72" />
			<div class="mx-auto max-w-7xl space-y-3 px-4 py-6 sm:px-6 lg:px-8">
				<div class="h-4 w-2/3 max-w-lg animate-pulse rounded bg-ink-200" />
				<div class="h-8 w-1/2 max-w-sm animate-pulse rounded-full bg-ink-200" />
				<div class="mx-auto mt-6 h-36 max-w-2xl animate-pulse rounded-2xl bg-white" />
				<div class="pt-4">
					<GridSkeleton />
				</div>
			</div>
		</div>
	);
}
