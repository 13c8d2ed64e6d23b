import { createAsync } from "@solidjs/router";
import { Images } from "lucide-solid";
import { createMemo, type JSX, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { EmptyState } from "../../components/empty-state.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { galleryPhotosInput, getGalleryPhotos } from "../../lib/queries/gallery-photos.ts";
import type { GalleryPhoto } from "../../lib/shop/shop-types.ts";
import { GalleryGrid } from "./gallery-grid.tsx";

/**
 * Every photo of the event, newest first: the first page from the route's keyed query, the next
 * ones (100 each) appended as the visitor scrolls.
 */
export function AllPhotosGallery(props: { eventId: string }): JSX.Element {
	const { t } = useI18n();
	const first = createAsync(() => getGalleryPhotos(galleryPhotosInput(props.eventId)));
	const [more, setMore] = createStore({
		photos: [] as GalleryPhoto[],
		cursor: undefined as string | null | undefined,
		loading: false,
		failed: false,
	});
	const cursor = () => (more.cursor === undefined ? (first()?.nextCursor ?? null) : more.cursor);
	const photos = createMemo(() => {
		const seen = new Set<string>();
		return [...(first()?.photos ?? []), ...more.photos].filter((p) => !seen.has(p.id) && seen.add(p.id));
	});
	const loadMore = async () => {
		const next = cursor();
		if (!next || more.loading) return;
		setMore({ loading: true, failed: false });
		try {
			const page = await getGalleryPhotos(galleryPhotosInput(props.eventId, next));
			setMore((m) => ({ photos: [...m.photos, ...page.photos], cursor: page.nextCursor, loading: false }));
		} catch {
			setMore({ loading: false, failed: true });
		}
	};
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
						return cursor() !== null;
					},
					get loading() {
						return more.loading;
					},
					get failed() {
						return more.failed;
					},
					loadMore: () => void loadMore(),
				}}
			/>
		</Show>
	);
}
