import { createAsync, useNavigate } from "@solidjs/router";
import { PackageCheck, SearchX } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatPrice } from "../../lib/format-price.ts";
import { getBibSearch } from "../../lib/queries/bib-search.ts";
import { cartPath } from "../../lib/shop/shop-paths.ts";
import { GalleryGrid } from "./gallery-grid.tsx";
import { ResultsHeader } from "./results-header.tsx";
import { useShopEvent } from "./shop-event-context.ts";

/** A runner's photos by bib, with "Buy all my photos" when the event sells that pack. */
export function BibResults(props: { bib: string; onBack: () => void; onTrySelfie: () => void }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const shop = useShopEvent();
	const navigate = useNavigate();
	const result = createAsync(() => getBibSearch(shop.event().id, props.bib));
	const runnerName = () => {
		const runner = result()?.runner;
		return runner ? `${runner.firstName} ${runner.lastName}` : undefined;
	};
	const allPhotosPack = () => shop.event().packs.find((p) => p.photoCount === null);
	const buyAll = () => {
		shop.cart().addAllPhotos(props.bib);
		navigate(cartPath(shop.event().slug));
	};
	return (
		<Show when={result()}>
			{(found) => (
				<div data-testid="bib-results" data-count={found().photos.length}>
					<ResultsHeader
						title={
							runnerName()
								? t("search.bibTitleNamed", found().photos.length, props.bib, runnerName() ?? "")
								: t("search.bibTitle", found().photos.length, props.bib)
						}
						onBack={props.onBack}
					>
						<Show when={found().photos.length > 0 && allPhotosPack()}>
							{(pack) => (
								<button
									type="button"
									class="btn-lg btn w-full bg-(--accent) text-(--accent-fg) shadow-sm hover:brightness-110 sm:w-auto"
									onClick={buyAll}
									data-testid="buy-all"
								>
									<PackageCheck class="size-5" aria-hidden="true" />
									{shop.cart().state().allPhotosBibs.includes(props.bib)
										? t("search.allInCart")
										: t("search.buyAll", formatPrice(pack().priceCents, intlLocale()))}
								</button>
							)}
						</Show>
					</ResultsHeader>
					<Show
						when={found().photos.length > 0}
						fallback={
							<EmptyState
								icon={SearchX}
								title={t("search.bibNoneTitle", props.bib)}
								text={t("search.bibNoneText")}
							>
								<button type="button" class="btn-primary" onClick={() => props.onTrySelfie()}>
									{t("search.trySelfie")}
								</button>
								<button type="button" class="btn-secondary" onClick={() => props.onBack()}>
									{t("search.backToAll")}
								</button>
							</EmptyState>
						}
					>
						<GalleryGrid photos={found().photos} label={t("search.bibGridLabel", props.bib)} />
					</Show>
				</div>
			)}
		</Show>
	);
}
