import { createAsync } from "@solidjs/router";
import { Images } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { createMorePages } from "../../lib/more-pages.ts";
import { galleryPhotosInput, getGalleryPhotos } from "../../lib/queries/gallery-photos.ts";
import { GalleryGrid } from "./gallery-grid.tsx";

/**
 * Every photo of the event, newest first: the first page from the route's keyed query, the next
 * ones (100 each) appended as the visitor scrolls.
 */
export function AllPhotosGallery(props: { eventId: string }): JSX.Element {
	const { t } = useI18n();
	const first = createAsync(() => getGalleryPhotos(galleryPhotosInput(props.eventId)));
	// Revalidated after any action (adding to the cart): what the visitor scrolled through stays.
	const more = createMorePages({
		first,
		fetchPage: (cursor) => getGalleryPhotos(galleryPhotosInput(props.eventId, cursor)),
		toPage: (page) => ({ rows: page.photos, next: page.nextCursor }),
		restartWhenFirstChanges: false,
	});
	const photos = more.rows;
	return (
		<Show
			when={photos().length > 0}
			fallback={<EmptyState icon={Images} title={t("gallery.emptyTitle")} text={t("gallery.emptyText")} />}
		>
			<GalleryGrid
				photos={photos()}
				label={t("gallery.allLabel")}
				paging={{
					get hasMore() {
						return more.cursor() !== null;
					},
					get loading() {
						return more.loading();
					},
					get failed() {
						return more.error() !== undefined;
					},
					loadMore: () => void more.loadMore(),
				}}
			/>
		</Show>
	);
}
