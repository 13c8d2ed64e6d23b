import { ImageOff } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { EventPhoto } from "../../lib/trpc.ts";
import { PhotoStatusBadge } from "./photo-status-badge.tsx";

const shownBibs = 3;

/** One photo of the grid: its micro thumbnail, state when not ready, and its bibs. A button: it opens the panel. */
export function PhotoTile(props: { photo: EventPhoto; onOpen: (trigger: HTMLElement) => void }): JSX.Element {
	const { t } = useI18n();
	const bibs = () => props.photo.bibs.map((b) => b.bib);
	const label = () =>
		t(
			"photos.tileLabel",
			props.photo.originalFilename,
			t(`photos.status.${props.photo.status}`),
			bibs().length ? t("photos.tileBibs", bibs().join(", ")) : t("photos.noBib"),
		);
	return (
		<button
			type="button"
			class="group relative block aspect-square w-full overflow-hidden rounded-xl bg-ink-100 ring-1 ring-ink-100 transition hover:ring-2 hover:ring-brand-400"
			aria-label={label()}
			onClick={(e) => props.onOpen(e.currentTarget)}
		>
			<Show
				when={props.photo.microUrl}
				fallback={
					<span class="flex h-full w-full flex-col items-center justify-center gap-1.5 pb-6 text-ink-400">
						<ImageOff class="size-8 text-ink-300" aria-hidden="true" />
						<Show when={props.photo.rejectionReason}>
							{(reason) => <span class="text-xs font-semibold">{t(`photos.reasonsShort.${reason()}`)}</span>}
						</Show>
					</span>
				}
			>
				{(src) => (
					<img
						src={src()}
						alt=""
						loading="lazy"
						decoding="async"
						class="h-full w-full object-cover transition duration-300 group-hover:scale-[1.03]"
					/>
				)}
			</Show>
			<Show when={props.photo.status !== "ready"}>
				<PhotoStatusBadge status={props.photo.status} class="absolute top-2 left-2 shadow-sm" />
			</Show>
			<span class="absolute inset-x-0 bottom-0 flex flex-wrap items-end gap-1 bg-gradient-to-t from-ink-900/80 to-transparent p-2 pt-6">
				<Show
					when={bibs().length > 0}
					fallback={<span class="text-xs font-medium text-white/80">{t("photos.noBib")}</span>}
				>
					<For each={bibs().slice(0, shownBibs)}>
						{(bib) => (
							<span class="rounded-md bg-white px-1.5 py-0.5 font-mono text-xs font-bold text-ink-900 tabular-nums">
								{bib}
							</span>
						)}
					</For>
					<Show when={bibs().length > shownBibs}>
						<span class="rounded-md bg-white/80 px-1.5 py-0.5 text-xs font-bold text-ink-900">
							{t("photos.moreBibs", bibs().length - shownBibs)}
						</span>
					</Show>
				</Show>
			</span>
		</button>
	);
}
