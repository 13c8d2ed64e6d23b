import { LoaderCircle } from "lucide-solid";
import { createEffect, createSignal, For, type JSX, onCleanup, onMount, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { ShopPhoto } from "../../lib/shop/shop-types.ts";
import { GalleryTile } from "./gallery-tile.tsx";
import { Lightbox } from "./lightbox.tsx";

export interface GalleryPaging {
	hasMore: boolean;
	loading: boolean;
	failed: boolean;
	loadMore: () => void;
}

/**
 * A grid of photos (the event's gallery or a search's results) and its lightbox. With `paging`,
 * a sentinel under the grid loads the next page as it nears the screen (infinite scroll), with a
 * "load more" button for browsers without IntersectionObserver or when a page failed.
 */
export function GalleryGrid(props: {
	photos: ShopPhoto[];
	label: string;
	paging?: GalleryPaging;
}): JSX.Element {
	const { t } = useI18n();
	const [openIndex, setOpenIndex] = createSignal<number>();
	let opener: HTMLElement | undefined;

	const [sentinel, setSentinel] = createSignal<HTMLElement>();
	onMount(() => {
		if (typeof IntersectionObserver === "undefined") return;
		const observer = new IntersectionObserver(
			(entries) => {
				const paging = props.paging;
				if (entries.some((e) => e.isIntersecting) && paging?.hasMore && !paging.failed) paging.loadMore();
			},
			{ rootMargin: "800px 0px" },
		);
		createEffect(() => {
			const el = sentinel();
			observer.disconnect();
			if (el) observer.observe(el);
		});
		onCleanup(() => observer.disconnect());
	});

	const close = () => {
		setOpenIndex(undefined);
		opener?.focus();
	};

	// The list can shrink under an open lightbox (a favorite removed from the favorites view).
	createEffect(() => {
		const index = openIndex();
		if (index === undefined || index < props.photos.length) return;
		if (props.photos.length === 0) close();
		else setOpenIndex(props.photos.length - 1);
	});

	return (
		<div>
			<ul
				class="grid grid-cols-2 gap-1.5 sm:grid-cols-3 sm:gap-2 lg:grid-cols-4 xl:grid-cols-5"
				aria-label={props.label}
				data-testid="gallery-grid"
			>
				<For each={props.photos}>
					{(photo, index) => (
						<GalleryTile
							photo={photo}
							position={index() + 1}
							onOpen={(trigger) => {
								opener = trigger;
								setOpenIndex(index());
							}}
						/>
					)}
				</For>
			</ul>
			<Show when={props.paging}>
				{(paging) => (
					<div ref={setSentinel} class="mt-8 flex flex-col items-center gap-3">
						<Show when={paging().failed}>
							<Alert tone="error">{t("gallery.loadError")}</Alert>
						</Show>
						<Show when={paging().hasMore}>
							<button
								type="button"
								class="btn-secondary"
								disabled={paging().loading}
								onClick={() => paging().loadMore()}
							>
								<Show when={paging().loading}>
									<LoaderCircle class="size-4 animate-spin" aria-hidden="true" />
								</Show>
								{paging().loading ? t("gallery.loadingMore") : t("gallery.loadMore")}
							</button>
						</Show>
					</div>
				)}
			</Show>
			<Show when={openIndex() !== undefined}>
				<Lightbox
					photos={props.photos}
					index={openIndex() ?? 0}
					onIndex={(i) => {
						setOpenIndex(i);
						// Nearing the end of what is loaded: fetch the next page before the visitor gets there.
						const paging = props.paging;
						if (paging?.hasMore && !paging.loading && i >= props.photos.length - 3) paging.loadMore();
					}}
					onClose={close}
				/>
			</Show>
		</div>
	);
}
