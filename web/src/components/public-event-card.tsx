import { A } from "@solidjs/router";
import { CalendarDays, Images, MapPin, Mountain } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { formatEventDate } from "../lib/format.ts";
import type { PublicEventCard as PublicEventCardData } from "../lib/shop/shop-types.ts";
import { ProtectedImage } from "./protected-image.tsx";

/** A public race as a card: its poster (or latest photo), name, date, place and photo count. */
export function PublicEventCard(props: { event: PublicEventCardData; href: string }): JSX.Element {
	const { t, intlLocale } = useI18n();
	return (
		<article class="group card relative flex h-full flex-col overflow-hidden transition hover:-translate-y-0.5 hover:shadow-md">
			<div class="relative aspect-[16/9] overflow-hidden bg-ink-900">
				<Show
					when={props.event.imageUrl}
					fallback={
						<div class="track-lines flex h-full items-center justify-center bg-linear-to-br from-ink-800 to-ink-900">
							<Mountain class="size-10 text-brand-400/70" aria-hidden="true" />
						</div>
					}
				>
					{(src) => (
						<ProtectedImage
							src={src()}
							alt=""
							loading="lazy"
							decoding="async"
							class="h-full w-full object-cover transition duration-500 group-hover:scale-[1.03]"
						/>
					)}
				</Show>
				<span class="absolute bottom-2.5 left-2.5 inline-flex items-center gap-1.5 rounded-full bg-ink-900/80 px-2.5 py-1 text-xs font-semibold text-white backdrop-blur">
					<Images class="size-3.5 text-brand-300" aria-hidden="true" />
					{t("events.photoCount", props.event.photoCount)}
				</span>
			</div>
			<div class="flex flex-1 flex-col gap-1.5 p-4">
				<h3 class="text-lg leading-snug font-bold text-ink-900">
					{/* The whole card is the link's target area; the heading keeps its accessible name. */}
					<A href={props.href} class="after:absolute after:inset-0 group-hover:text-brand-700">
						{props.event.name}
					</A>
				</h3>
				<p class="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-600">
					<span class="inline-flex items-center gap-1">
						<CalendarDays class="size-3.5 text-ink-400" aria-hidden="true" />
						<time datetime={props.event.date}>{formatEventDate(props.event.date, intlLocale())}</time>
					</span>
					<span class="inline-flex items-center gap-1">
						<MapPin class="size-3.5 text-ink-400" aria-hidden="true" />
						{props.event.place}
					</span>
				</p>
			</div>
		</article>
	);
}

/** Card-shaped placeholders while the list loads. */
export function PublicEventCardSkeletons(props: { count: number }): JSX.Element {
	return (
		<>
			{Array.from({ length: props.count }, () => (
				<div class="card overflow-hidden" aria-hidden="true">
					<div class="aspect-[16/9] animate-pulse bg-ink-100" />
					<div class="space-y-2 p-4">
						<div class="h-5 w-3/4 animate-pulse rounded bg-ink-100" />
						<div class="h-4 w-1/2 animate-pulse rounded bg-ink-100" />
					</div>
				</div>
			))}
		</>
	);
}
