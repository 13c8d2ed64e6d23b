import { A, createAsyncStore, revalidate } from "@solidjs/router";
import { Images, LoaderCircle } from "lucide-solid";
import {
	createEffect,
	createMemo,
	createSignal,
	For,
	type JSX,
	on,
	onCleanup,
	onMount,
	Show,
} from "solid-js";
import { createStore } from "solid-js/store";
import { Alert } from "../../components/alert.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { eventPhotosInput, getEventPhotos, type PhotoFilter } from "../../lib/queries/event-photos.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import type { EventPhoto } from "../../lib/trpc.ts";
import { PhotoPanel } from "./photo-panel.tsx";
import { PhotoTile } from "./photo-tile.tsx";

/** While photos of the first page are still processing, the grid re-reads it this often. */
const refreshMs = 4000;

interface LoadedPages {
	/** Which list these pages continue (event + filter): a new filter starts over. */
	key: string;
	photos: EventPhoto[];
	cursor: string | null;
	loading: boolean;
	failed: boolean;
}

/**
 * An event's photos, newest first: the first page from the route's keyed query, later pages
 * appended as the pro scrolls (or presses "load more"). Bib edits and deletions are applied
 * locally at once; the server has them already.
 */
export function PhotoGrid(props: {
	eventId: string;
	filter: PhotoFilter;
	uploadHref: string;
	onShowAll: () => void;
}): JSX.Element {
	const { t } = useI18n();
	const input = () => eventPhotosInput(props.eventId, props.filter);
	const listKey = () => `${props.eventId}|${props.filter}`;
	// A store reconciled by id: a refresh keeps unchanged tiles (and their loaded images) in place.
	const first = createAsyncStore(() => getEventPhotos(input()), { reconcile: { key: "id" } });
	const [more, setMore] = createStore<LoadedPages>({
		key: "",
		photos: [],
		cursor: null,
		loading: false,
		failed: false,
	});
	const [edits, setEdits] = createStore<{
		deleted: Record<string, true>;
		bibs: Record<string, EventPhoto["bibs"]>;
	}>({ deleted: {}, bibs: {} });
	const [openId, setOpenId] = createSignal<string>();
	let opener: HTMLElement | undefined;

	const morePhotos = () => (more.key === listKey() ? more.photos : []);
	const nextCursor = () => (more.key === listKey() ? more.cursor : (first()?.nextCursor ?? null));
	const photos = createMemo(() => {
		const seen = new Set<string>();
		const list: EventPhoto[] = [];
		for (const photo of [...(first()?.photos ?? []), ...morePhotos()]) {
			if (seen.has(photo.id) || edits.deleted[photo.id]) continue;
			seen.add(photo.id);
			const bibs = edits.bibs[photo.id];
			list.push(bibs ? { ...photo, bibs } : photo);
		}
		return list;
	});
	const openPhoto = () => photos().find((p) => p.id === openId());

	const loadMore = async () => {
		const cursor = nextCursor();
		const key = listKey();
		if (!cursor || (more.key === key && more.loading)) return;
		if (more.key !== key) setMore({ key, photos: [], cursor, loading: false, failed: false });
		setMore({ loading: true, failed: false });
		try {
			const page = await getEventPhotos({ ...input(), cursor });
			if (more.key !== key) return;
			setMore((m) => ({ photos: [...m.photos, ...page.photos], cursor: page.nextCursor, loading: false }));
		} catch {
			if (more.key === key) setMore({ loading: false, failed: true });
		}
	};

	// Infinite scroll: a sentinel under the grid loads the next page as it comes into view.
	const [sentinel, setSentinel] = createSignal<HTMLElement>();
	onMount(() => {
		if (typeof IntersectionObserver === "undefined") return;
		const observer = new IntersectionObserver(
			(entries) => {
				if (entries.some((e) => e.isIntersecting) && !(more.key === listKey() && more.failed))
					void loadMore();
			},
			{ rootMargin: "600px 0px" },
		);
		createEffect(() => {
			const el = sentinel();
			observer.disconnect();
			if (el) observer.observe(el);
		});
		onCleanup(() => observer.disconnect());
	});

	// Photos still on their way: re-read the first page until they settle. Only while no later
	// page is loaded, so the list never gets a gap between the refreshed page and the next ones.
	const settling = () =>
		morePhotos().length === 0 && photos().some((p) => p.status === "uploaded" || p.status === "processing");
	createEffect(
		on(settling, (active) => {
			if (!active) return;
			const timer = setInterval(() => {
				void revalidate([getEventPhotos.keyFor(input()), getMyEvents.key]);
			}, refreshMs);
			onCleanup(() => clearInterval(timer));
		}),
	);

	const closePanel = () => {
		setOpenId(undefined);
		opener?.focus();
	};

	return (
		<div>
			<Show when={settling()}>
				<p class="mb-4 flex items-center gap-2 text-sm text-sky-800" role="status">
					<LoaderCircle class="size-4 animate-spin" aria-hidden="true" />
					{t("photos.autoRefresh")}
				</p>
			</Show>
			<Show
				when={photos().length > 0}
				fallback={
					<Show
						when={props.filter === "all"}
						fallback={
							<EmptyState
								icon={Images}
								title={t("photos.emptyFilteredTitle")}
								text={t("photos.emptyFilteredText")}
							>
								<button type="button" class="btn-secondary" onClick={() => props.onShowAll()}>
									{t("photos.showAll")}
								</button>
							</EmptyState>
						}
					>
						<EmptyState icon={Images} title={t("photos.emptyTitle")} text={t("photos.emptyText")}>
							<A href={props.uploadHref} class="btn-primary">
								{t("proEvents.importPhotos")}
							</A>
						</EmptyState>
					</Show>
				}
			>
				<ul
					class="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 md:grid-cols-4 xl:grid-cols-5"
					aria-label={t("photos.gridLabel")}
					data-testid="photo-grid"
				>
					<For each={photos()}>
						{(photo) => (
							<li>
								<PhotoTile
									photo={photo}
									onOpen={(trigger) => {
										opener = trigger;
										setOpenId(photo.id);
									}}
								/>
							</li>
						)}
					</For>
				</ul>
				<div ref={setSentinel} class="mt-6 flex flex-col items-center gap-3">
					<Show when={more.key === listKey() && more.failed}>
						<Alert tone="error">{t("photos.loadError")}</Alert>
					</Show>
					<Show when={nextCursor()}>
						<button
							type="button"
							class="btn-secondary"
							disabled={more.key === listKey() && more.loading}
							onClick={() => void loadMore()}
						>
							<Show when={more.key === listKey() && more.loading}>
								<LoaderCircle class="size-4 animate-spin" aria-hidden="true" />
							</Show>
							{more.key === listKey() && more.loading ? t("photos.loadingMore") : t("photos.loadMore")}
						</button>
					</Show>
				</div>
			</Show>
			<Show when={openPhoto()?.id} keyed>
				{(id) => (
					<Show when={openPhoto()}>
						{(photo) => (
							<PhotoPanel
								photo={photo()}
								onClose={closePanel}
								onBibsSaved={(photoId, bibs) => {
									setEdits("bibs", photoId, bibs);
									void revalidate(getEventPhotos.key);
								}}
								onDeleted={(photoId) => {
									if (photoId === id) setOpenId(undefined);
									setEdits("deleted", photoId, true);
									void revalidate([getEventPhotos.key, getMyEvents.key]);
								}}
							/>
						)}
					</Show>
				)}
			</Show>
		</div>
	);
}
