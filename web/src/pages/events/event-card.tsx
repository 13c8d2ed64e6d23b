import { A } from "@solidjs/router";
import { Images, MapPin, Settings, Upload } from "lucide-solid";
import type { JSX } from "solid-js";
import { VisibilityBadge } from "../../components/visibility-badge.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatEventDate } from "../../lib/format.ts";
import type { SpacePaths } from "../../lib/spaces.ts";
import type { ManagedEvent } from "../../lib/trpc.ts";

export function EventCard(props: { event: ManagedEvent; paths: SpacePaths }): JSX.Element {
	const { t, intlLocale } = useI18n();
	return (
		<article class="card flex h-full flex-col gap-4 p-5" aria-labelledby={`event-${props.event.id}`}>
			<div class="flex items-start justify-between gap-3">
				<div class="min-w-0">
					<h2 id={`event-${props.event.id}`} class="text-lg font-bold text-ink-900">
						<A href={props.paths.event(props.event.id)} class="hover:text-brand-700">
							{props.event.name}
						</A>
					</h2>
					<p class="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-600">
						<time datetime={props.event.date}>{formatEventDate(props.event.date, intlLocale())}</time>
						<span class="inline-flex items-center gap-1">
							<MapPin class="size-3.5 text-ink-400" aria-hidden="true" />
							{props.event.place}
						</span>
					</p>
				</div>
				<VisibilityBadge visibility={props.event.visibility} />
			</div>
			<p class="text-sm text-ink-700">
				<span class="font-semibold text-ink-900">{t("proEvents.photoCount", props.event.photoCount)}</span>
				<span class="text-ink-400"> · </span>
				{t("proEvents.readyCount", props.event.readyCount)}
			</p>
			<div class="mt-auto flex flex-wrap gap-2">
				<A href={props.paths.event(props.event.id)} class="btn-secondary">
					<Images class="size-4" aria-hidden="true" />
					{t("proEvents.viewPhotos")}
				</A>
				<A href={props.paths.upload(props.event.id)} class="btn-ghost">
					<Upload class="size-4" aria-hidden="true" />
					{t("proEvents.importHere")}
				</A>
				<A href={props.paths.event(props.event.id, "settings")} class="btn-ghost">
					<Settings class="size-4" aria-hidden="true" />
					{t("eventNav.tabs.settings")}
				</A>
			</div>
		</article>
	);
}
