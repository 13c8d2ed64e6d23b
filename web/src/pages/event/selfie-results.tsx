import { ScanFace } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { ShopPhoto } from "../../lib/shop/shop-types.ts";
import { GalleryGrid } from "./gallery-grid.tsx";
import { ResultsHeader } from "./results-header.tsx";

/** Photos matched by a selfie, most similar first (kept in memory only: nothing to share or reload). */
export function SelfieResults(props: { photos: ShopPhoto[]; onBack: () => void }): JSX.Element {
	const { t } = useI18n();
	return (
		<div data-testid="selfie-results">
			<ResultsHeader
				title={t("search.selfieTitle", props.photos.length)}
				subtitle={t("search.selfieSubtitle")}
				onBack={props.onBack}
			/>
			<Show
				when={props.photos.length > 0}
				fallback={
					<EmptyState icon={ScanFace} title={t("search.selfieNoneTitle")} text={t("search.selfieNoneText")} />
				}
			>
				<GalleryGrid photos={props.photos} label={t("search.selfieGridLabel")} />
			</Show>
		</div>
	);
}
