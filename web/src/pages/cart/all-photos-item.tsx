import { createAsync } from "@solidjs/router";
import { PackageCheck, Trash2 } from "lucide-solid";
import { For, type JSX, Show, Suspense } from "solid-js";
import { ProtectedImage } from "../../components/protected-image.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { getBibSearch } from "../../lib/queries/bib-search.ts";

const shown = 4;

/** An "all my photos" pack of one bib: a peek at its photos (the bib search, cached) and remove. */
export function AllPhotosItem(props: { eventId: string; bib: string; onRemove: () => void }): JSX.Element {
	const { t } = useI18n();
	const result = createAsync(() => getBibSearch(props.eventId, props.bib));
	const runner = () => {
		const r = result()?.runner;
		return r ? `${r.firstName} ${r.lastName}` : undefined;
	};
	return (
		<li class="card flex flex-col gap-3 p-4 sm:flex-row sm:items-center" data-testid="cart-all-photos">
			<div class="flex min-w-0 flex-1 items-center gap-3">
				<span class="flex size-11 shrink-0 items-center justify-center rounded-xl bg-(--accent) text-(--accent-fg)">
					<PackageCheck class="size-5" aria-hidden="true" />
				</span>
				<div class="min-w-0">
					<p class="font-bold text-ink-900">{t("cart.allPhotosOf", props.bib)}</p>
					<Suspense fallback={<p class="text-sm text-ink-500">{t("common.loading")}</p>}>
						<p class="truncate text-sm text-ink-600">
							{[runner(), t("events.photoCount", result()?.photos.length ?? 0)].filter(Boolean).join(" · ")}
						</p>
					</Suspense>
				</div>
			</div>
			<Suspense>
				<Show when={result()?.photos.length}>
					<ul class="flex -space-x-3" aria-hidden="true">
						<For each={result()?.photos.slice(0, shown)}>
							{(photo) => (
								<li class="size-12 overflow-hidden rounded-lg bg-ink-100 ring-2 ring-white">
									<Show when={photo.microUrl}>
										{(src) => <ProtectedImage src={src()} alt="" class="h-full w-full object-cover" />}
									</Show>
								</li>
							)}
						</For>
					</ul>
				</Show>
			</Suspense>
			<button
				type="button"
				class="btn-ghost self-start text-red-700 hover:bg-red-50 sm:self-auto"
				onClick={() => props.onRemove()}
			>
				<Trash2 class="size-4" aria-hidden="true" />
				{t("cart.remove")}
			</button>
		</li>
	);
}
