import { A } from "@solidjs/router";
import { ArrowRight, Heart } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { EmptyState } from "../../components/empty-state.tsx";
import { FavoriteButton } from "../../components/favorite-button.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ProtectedImage } from "../../components/protected-image.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useFavorites } from "../../lib/shop/favorites.ts";
import type { FavoriteEntry, FavoriteEvent } from "../../lib/shop/favorites-state.ts";
import { eventPath } from "../../lib/shop/shop-paths.ts";

interface EventGroup {
	event: FavoriteEvent;
	entries: FavoriteEntry[];
}

/** Saved photos grouped by race, newest saved first, each group leading back to its gallery. */
export function FavoritesPage(): JSX.Element {
	const { t } = useI18n();
	const favorites = useFavorites();
	const groups = (): EventGroup[] => {
		const byEvent = new Map<string, EventGroup>();
		for (const entry of favorites.entries()) {
			const group = byEvent.get(entry.event.id) ?? { event: entry.event, entries: [] };
			group.entries.push(entry);
			byEvent.set(entry.event.id, group);
		}
		return [...byEvent.values()];
	};
	return (
		<div>
			<PageTitle>{t("sections.favorites.title")}</PageTitle>
			<h1 class="text-2xl font-extrabold text-ink-900 sm:text-3xl">{t("sections.favorites.title")}</h1>
			<p class="mt-2 text-ink-600">{t("sections.favorites.description")}</p>
			<div class="mt-8">
				<Show
					when={favorites.ready()}
					fallback={<div class="card h-48 animate-pulse" role="status" aria-label={t("common.loading")} />}
				>
					<Show
						when={groups().length > 0}
						fallback={
							<EmptyState
								icon={Heart}
								title={t("favorites.emptyTitle")}
								text={t("favorites.accountEmptyText")}
							>
								<A href="/events" class="btn-primary">
									{t("nav.findPhotos")}
								</A>
							</EmptyState>
						}
					>
						<div class="space-y-8" data-testid="account-favorites">
							<For each={groups()}>
								{(group) => (
									<section aria-labelledby={`fav-${group.event.id}`}>
										<div class="flex flex-wrap items-baseline justify-between gap-2">
											<h2 id={`fav-${group.event.id}`} class="text-lg font-bold text-ink-900">
												{group.event.name}
												<span class="ml-2 text-sm font-medium text-ink-500">
													{t("events.photoCount", group.entries.length)}
												</span>
											</h2>
											<A
												href={`${eventPath(group.event.slug)}?favorites=1`}
												class="inline-flex items-center gap-1 text-sm font-semibold text-brand-700 hover:underline"
											>
												{t("favorites.openInGallery")}
												<ArrowRight class="size-4" aria-hidden="true" />
											</A>
										</div>
										<ul class="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-4">
											<For each={group.entries}>
												{(entry) => (
													<li class="relative aspect-[3/2] overflow-hidden rounded-lg bg-ink-100">
														<A
															href={`${eventPath(group.event.slug)}?favorites=1`}
															class="block h-full w-full"
														>
															<Show when={entry.photo.microUrl}>
																{(src) => (
																	<ProtectedImage
																		src={src()}
																		alt={t("favorites.photoOf", group.event.name)}
																		loading="lazy"
																		class="h-full w-full object-cover"
																	/>
																)}
															</Show>
														</A>
														<div class="absolute top-1.5 right-1.5">
															<FavoriteButton photo={entry.photo} event={entry.event} look="tile" />
														</div>
													</li>
												)}
											</For>
										</ul>
									</section>
								)}
							</For>
						</div>
					</Show>
				</Show>
			</div>
		</div>
	);
}
