import { Camera, Heart } from "lucide-solid";
import { For, type JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

// Colour washes standing in for photos: the hero shows the idea, not someone's real picture.
const tiles = [
	"from-sky-400 via-cyan-300 to-emerald-300",
	"from-brand-400 via-amber-300 to-yellow-200",
	"from-indigo-400 via-sky-400 to-cyan-200",
	"from-emerald-400 via-lime-300 to-yellow-200",
	"from-rose-400 via-brand-300 to-amber-200",
	"from-violet-400 via-indigo-300 to-sky-200",
];

/** Decorative mock of a runner's gallery: what a search result looks like. */
export function GalleryPreview(): JSX.Element {
	const { t } = useI18n();
	return (
		<figure
			class="relative mx-auto w-full max-w-md rotate-1 rounded-3xl bg-white p-4 shadow-2xl shadow-black/40 ring-1 ring-white/10"
			aria-label={t("home.previewLabel")}
		>
			<div class="flex items-center justify-between gap-3 px-1 pb-3">
				<div>
					<p class="text-xs font-medium text-ink-500">{t("home.previewEvent")}</p>
					<p class="font-display text-lg font-bold text-ink-900">{t("home.previewBib")}</p>
				</div>
				<span class="rounded-full bg-emerald-50 px-2.5 py-1 text-xs font-semibold text-emerald-700 ring-1 ring-emerald-200">
					{t("home.previewCount")}
				</span>
			</div>
			<div class="grid grid-cols-3 gap-2" aria-hidden="true">
				<For each={tiles}>
					{(tile, index) => (
						<div class={`relative aspect-[4/5] overflow-hidden rounded-xl bg-linear-to-br ${tile}`}>
							<svg
								viewBox="0 0 40 50"
								class="absolute inset-x-0 bottom-0 mx-auto h-4/5 text-ink-900/25"
								aria-hidden="true"
							>
								<circle cx="22" cy="9" r="5" fill="currentColor" />
								<path
									d="M20 16 14 30l8 4-4 14M20 16l6 12 8 2M20 16l-10 6"
									stroke="currentColor"
									stroke-width="4"
									stroke-linecap="round"
									stroke-linejoin="round"
									fill="none"
								/>
							</svg>
							<span class="absolute inset-0 flex -rotate-30 items-center justify-center text-[0.6rem] font-bold tracking-widest text-white/70 uppercase">
								{t("home.previewWatermark")}
							</span>
							{index() === 1 ? (
								<Heart class="absolute top-1.5 right-1.5 size-4 fill-white text-white" />
							) : null}
						</div>
					)}
				</For>
			</div>
			<figcaption class="mt-3 flex items-center gap-2 px-1 text-xs text-ink-500">
				<Camera class="size-3.5" aria-hidden="true" />
				{t("home.searchHint")}
			</figcaption>
		</figure>
	);
}
