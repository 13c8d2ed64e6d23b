import { A } from "@solidjs/router";
import { Camera, Heart } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { ProtectedImage } from "../../components/protected-image.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatEventDate } from "../../lib/format.ts";
import { eventPath } from "../../lib/shop/shop-paths.ts";
import type { GalleryPhoto, PublicEventCard } from "../../lib/shop/shop-types.ts";

// Colour washes standing in for photos until a race is online: the hero shows the idea.
const tiles = [
	"from-sky-400 via-cyan-300 to-emerald-300",
	"from-brand-400 via-amber-300 to-yellow-200",
	"from-indigo-400 via-sky-400 to-cyan-200",
	"from-emerald-400 via-lime-300 to-yellow-200",
	"from-rose-400 via-brand-300 to-amber-200",
	"from-violet-400 via-indigo-300 to-sky-200",
];

/**
 * What a gallery looks like: the newest public race's first photos (watermarked grid images)
 * when there is one, otherwise a decorative mock of a runner's search result.
 */
export function GalleryPreview(props: { event?: PublicEventCard; photos?: GalleryPhoto[] }): JSX.Element {
	const { t, intlLocale } = useI18n();
	const real = () => (props.event && props.photos && props.photos.length >= 3 ? props.event : undefined);
	return (
		<figure
			class="relative mx-auto w-full max-w-md rotate-1 rounded-3xl bg-white p-4 shadow-2xl shadow-black/40 ring-1 ring-white/10"
			aria-label={t("home.previewLabel")}
		>
			<Show
				when={real()}
				fallback={
					<>
						<PreviewHeader
							kicker={t("home.previewEvent")}
							title={t("home.previewBib")}
							badge={t("home.previewCount")}
						/>
						<div class="grid grid-cols-3 gap-2" aria-hidden="true">
							<For each={tiles}>{(tile, index) => <MockTile tile={tile} liked={index() === 1} />}</For>
						</div>
					</>
				}
			>
				{(event) => (
					<A href={eventPath(event().slug)} class="block rounded-2xl">
						<PreviewHeader
							kicker={`${formatEventDate(event().date, intlLocale())} · ${event().place}`}
							title={event().name}
							badge={t("events.photoCount", event().photoCount)}
						/>
						<div class="grid grid-cols-3 gap-2" aria-hidden="true">
							<For each={props.photos?.slice(0, 6)}>
								{(photo, index) => (
									<div class="relative aspect-[4/5] overflow-hidden rounded-xl bg-ink-100">
										<Show when={photo.microUrl}>
											{(src) => <ProtectedImage src={src()} alt="" class="h-full w-full object-cover" />}
										</Show>
										<Show when={index() === 1}>
											<Heart class="absolute top-1.5 right-1.5 size-4 fill-white text-white drop-shadow" />
										</Show>
									</div>
								)}
							</For>
						</div>
					</A>
				)}
			</Show>
			<figcaption class="mt-3 flex items-center gap-2 px-1 text-xs text-ink-500">
				<Camera class="size-3.5" aria-hidden="true" />
				{t("home.searchHint")}
			</figcaption>
		</figure>
	);
}

function PreviewHeader(props: { kicker: string; title: string; badge: string }): JSX.Element {
	return (
		<div class="flex items-center justify-between gap-3 px-1 pb-3">
			<div class="min-w-0">
				<p class="truncate text-xs font-medium text-ink-500">{props.kicker}</p>
				<p class="truncate font-display text-lg font-bold text-ink-900">{props.title}</p>
			</div>
			<span class="shrink-0 rounded-full bg-emerald-50 px-2.5 py-1 text-xs font-semibold text-emerald-700 ring-1 ring-emerald-200">
				{props.badge}
			</span>
		</div>
	);
}

function MockTile(props: { tile: string; liked: boolean }): JSX.Element {
	const { t } = useI18n();
	return (
		<div class={`relative aspect-[4/5] overflow-hidden rounded-xl bg-linear-to-br ${props.tile}`}>
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
			<Show when={props.liked}>
				<Heart class="absolute top-1.5 right-1.5 size-4 fill-white text-white" />
			</Show>
		</div>
	);
}
