import { type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { accentStyle, eventAccent } from "../../lib/shop/event-accent.ts";

/**
 * A small copy of the event page's cover with the colours and images being chosen: the
 * secondary colour behind, the primary one as the accent bar and the buy button.
 */
export function BrandingPreview(props: {
	name: string;
	primary: string | null;
	secondary: string | null;
	posterUrl: string | null;
	logoUrl: string | null;
}): JSX.Element {
	const { t } = useI18n();
	const accent = () => eventAccent(props.primary);
	return (
		<figure class="overflow-hidden rounded-xl ring-1 ring-ink-100" style={accentStyle(accent())}>
			<div
				class="relative overflow-hidden bg-ink-900 text-white"
				style={{ "background-color": props.secondary ?? undefined }}
				data-testid="branding-swatch"
			>
				<Show
					when={props.posterUrl}
					fallback={<div class="track-lines absolute inset-0" aria-hidden="true" />}
				>
					{(src) => <img src={src()} alt="" class="absolute inset-0 h-full w-full object-cover opacity-60" />}
				</Show>
				<div class="absolute inset-0 bg-linear-to-t from-black/70 to-transparent" aria-hidden="true" />
				<div class="absolute inset-x-0 bottom-0 h-1.5 bg-(--accent)" aria-hidden="true" />
				<div class="relative flex min-h-36 items-end gap-3 p-4 pb-5">
					<Show when={props.logoUrl}>
						{(src) => (
							<img
								src={src()}
								alt=""
								class="size-12 shrink-0 rounded-xl bg-white object-contain p-1 shadow"
							/>
						)}
					</Show>
					<p class="min-w-0 text-lg leading-tight font-extrabold break-words">{props.name}</p>
				</div>
			</div>
			<div class="flex items-center justify-between gap-3 bg-white p-3">
				<span class="text-xs text-ink-500">{t("eventSettings.previewCaption")}</span>
				<span class="rounded-lg bg-(--accent) px-3 py-1.5 text-xs font-bold text-(--accent-fg)">
					{t("eventSettings.previewButton")}
				</span>
			</div>
		</figure>
	);
}
