import type { LucideProps } from "lucide-solid";
import {
	Bike,
	CalendarDays,
	Flag,
	Flame,
	Footprints,
	Images,
	MapPin,
	Medal,
	Mountain,
	MountainSnow,
	Tag,
	Waves,
} from "lucide-solid";
import { type Component, For, type JSX, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { ProtectedImage } from "../../components/protected-image.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatEventDate } from "../../lib/format.ts";
import { formatPrice } from "../../lib/format-price.ts";
import { packLabel } from "../../lib/shop/pack-label.ts";
import type { PublicEvent } from "../../lib/shop/shop-types.ts";

/** The race's cover: poster (or latest photo), logo, name, date, place, what it sells. */
export function EventHeader(props: { event: PublicEvent }): JSX.Element {
	const { t, intlLocale } = useI18n();
	return (
		<header>
			<Show when={props.event.visibility !== "public"}>
				<p class="bg-amber-100 px-4 py-2.5 text-center text-sm font-semibold text-amber-900" role="status">
					{t("event.previewBanner")}
				</p>
			</Show>
			<div
				class="relative overflow-hidden bg-ink-900 text-white"
				style={{ "background-color": props.event.secondaryColor ?? undefined }}
			>
				{/* Softened, more on wide screens: without a poster the cover is a 400 px grid image. */}
				<Show
					when={props.event.imageUrl}
					fallback={<div class="track-lines absolute inset-0" aria-hidden="true" />}
				>
					{(src) => (
						<ProtectedImage
							src={src()}
							alt=""
							class="absolute inset-0 h-full w-full scale-105 object-cover opacity-70 blur-[1px] sm:blur-[3px]"
						/>
					)}
				</Show>
				<div
					class="absolute inset-0 bg-linear-to-t from-ink-900 via-ink-900/60 to-ink-900/10"
					aria-hidden="true"
				/>
				<div class="absolute inset-x-0 bottom-0 h-1.5 bg-(--accent)" aria-hidden="true" />
				<div class="relative mx-auto flex min-h-56 max-w-7xl flex-col justify-end px-4 pt-16 pb-7 sm:min-h-72 sm:px-6 lg:px-8">
					<div class="flex items-end gap-4">
						<Show when={props.event.logoUrl}>
							{(src) => (
								<img
									src={src()}
									alt=""
									class="size-16 shrink-0 rounded-2xl bg-white object-contain p-1.5 shadow-lg sm:size-20"
								/>
							)}
						</Show>
						<div class="min-w-0">
							<p class="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-2.5 py-0.5 text-xs font-semibold tracking-wide uppercase backdrop-blur">
								<Dynamic
									component={sportIcons[sportOf(props.event.sportType)]}
									class="size-3.5"
									aria-hidden="true"
								/>
								{t(`event.sports.${sportOf(props.event.sportType)}`)}
							</p>
							<h1 class="mt-2 text-3xl leading-tight font-extrabold text-balance sm:text-5xl">
								{props.event.name}
							</h1>
						</div>
					</div>
					<p class="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm font-medium text-white/90 sm:text-base">
						<span class="inline-flex items-center gap-1.5">
							<CalendarDays class="size-4 text-white/70" aria-hidden="true" />
							<time datetime={props.event.date}>{formatEventDate(props.event.date, intlLocale())}</time>
						</span>
						<span class="inline-flex items-center gap-1.5">
							<MapPin class="size-4 text-white/70" aria-hidden="true" />
							{props.event.place}
						</span>
						<span class="inline-flex items-center gap-1.5">
							<Images class="size-4 text-white/70" aria-hidden="true" />
							{t("events.photoCount", props.event.photoCount)}
						</span>
					</p>
				</div>
			</div>
			<div class="mx-auto max-w-7xl px-4 pt-5 sm:px-6 lg:px-8">
				<Show when={props.event.description}>
					{(text) => <p class="max-w-3xl text-pretty text-ink-700">{text()}</p>}
				</Show>
				<Show when={props.event.packs.length > 0}>
					<div class="mt-4 flex flex-wrap items-center gap-2" data-testid="packs-summary">
						<span class="inline-flex items-center gap-1.5 text-sm font-semibold text-ink-800">
							<Tag class="size-4 text-ink-400" aria-hidden="true" />
							{t("event.pricesLabel")}
						</span>
						<ul class="contents">
							<For each={props.event.packs}>
								{(pack) => (
									<li class="inline-flex items-baseline gap-1.5 rounded-full bg-white px-3 py-1 text-sm ring-1 ring-ink-200">
										<span class="text-ink-700">{packLabel(pack, t)}</span>
										<span class="font-bold text-ink-900">{formatPrice(pack.priceCents, intlLocale())}</span>
									</li>
								)}
							</For>
						</ul>
					</div>
				</Show>
			</div>
		</header>
	);
}

const sports = [
	"running",
	"trail",
	"triathlon",
	"cycling",
	"mountain_bike",
	"swimming",
	"obstacle",
	"ski",
	"walking",
	"other",
] as const;
type Sport = (typeof sports)[number];

/** The api sends the sport as text: one it does not know yet reads as a generic "race". */
function sportOf(value: string): Sport {
	return (sports as readonly string[]).includes(value) ? (value as Sport) : "other";
}

const sportIcons: Record<Sport, Component<LucideProps>> = {
	running: Footprints,
	trail: Mountain,
	triathlon: Medal,
	cycling: Bike,
	mountain_bike: Bike,
	swimming: Waves,
	obstacle: Flame,
	ski: MountainSnow,
	walking: Footprints,
	other: Flag,
};
