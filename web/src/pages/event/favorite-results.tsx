import { Heart } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useFavorites } from "../../lib/shop/favorites.ts";
import { GalleryGrid } from "./gallery-grid.tsx";
import { ResultsHeader } from "./results-header.tsx";
import { useShopEvent } from "./shop-event-context.ts";

/** The photos of this event the visitor saved: where a guest finds their favorites again. */
export function FavoriteResults(props: { onBack: () => void }): JSX.Element {
	const { t } = useI18n();
	const shop = useShopEvent();
	const favorites = useFavorites();
	const photos = () => favorites.ofEvent(shop.event().id);
	return (
		<div data-testid="favorite-results">
			<ResultsHeader title={t("favorites.eventTitle", photos().length)} onBack={props.onBack} />
			<Show
				when={photos().length > 0}
				fallback={
					<EmptyState icon={Heart} title={t("favorites.emptyTitle")} text={t("favorites.emptyText")} />
				}
			>
				<GalleryGrid photos={photos()} label={t("favorites.gridLabel")} />
			</Show>
		</div>
	);
}
