import { Ban, CircleAlert, CircleCheck, Clock, LoaderCircle } from "lucide-solid";
import { For, type JSX, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useI18n } from "../../i18n/index.tsx";
import { formatBytes } from "../../lib/format.ts";
import { reasonText } from "../../lib/upload/reason-text.ts";
import type { ItemPhase, UploadItem } from "../../lib/upload/upload-run.ts";

const phaseLooks: Record<ItemPhase, { icon: typeof Clock; class: string; spin?: boolean }> = {
	waiting: { icon: Clock, class: "text-ink-500" },
	compressing: { icon: LoaderCircle, class: "text-ink-600", spin: true },
	queued: { icon: Clock, class: "text-ink-600" },
	sending: { icon: LoaderCircle, class: "text-sky-700", spin: true },
	sendFailed: { icon: CircleAlert, class: "text-red-700" },
	uploaded: { icon: Clock, class: "text-sky-700" },
	processing: { icon: LoaderCircle, class: "text-sky-700", spin: true },
	ready: { icon: CircleCheck, class: "text-emerald-700" },
	rejected: { icon: Ban, class: "text-amber-800" },
	failed: { icon: CircleAlert, class: "text-red-700" },
	cancelled: { icon: Ban, class: "text-ink-500" },
};

function PhaseLabel(props: { item: UploadItem }): JSX.Element {
	const { t } = useI18n();
	const look = () => phaseLooks[props.item.phase];
	const label = () => {
		const step = props.item.step;
		if (props.item.phase === "processing" && (step === "derivatives" || step === "ai")) {
			return t(`upload.processingSteps.${step}`);
		}
		return t(`upload.phases.${props.item.phase}`);
	};
	return (
		<span class={`inline-flex shrink-0 items-center gap-1.5 text-xs font-semibold ${look().class}`}>
			<Dynamic
				component={look().icon}
				class={`size-4 ${look().spin ? "animate-spin" : ""}`}
				aria-hidden="true"
			/>
			{label()}
		</span>
	);
}

/** Every file of the import and where it stands, live. Scrolls inside its own box. */
export function UploadItemList(props: { items: readonly UploadItem[] }): JSX.Element {
	const { t, intlLocale } = useI18n();
	return (
		<section class="card" aria-labelledby="upload-list-title">
			<h2 id="upload-list-title" class="border-b border-ink-100 px-5 py-3 text-sm font-bold text-ink-900">
				{t("upload.listTitle")}
			</h2>
			<ul class="max-h-[28rem] divide-y divide-ink-100 overflow-y-auto text-sm" data-testid="upload-items">
				<For each={props.items}>
					{(item) => (
						<li class="flex items-center gap-3 px-5 py-2" data-phase={item.phase}>
							<div class="min-w-0 flex-1">
								<p class="truncate text-ink-900">{item.name}</p>
								<Show
									when={item.phase === "rejected" || item.phase === "failed" || item.phase === "sendFailed"}
								>
									<p class="truncate text-xs text-ink-500">
										{item.phase === "sendFailed" ? t("upload.networkError") : reasonText(t, item)}
									</p>
								</Show>
							</div>
							<span class="hidden shrink-0 text-xs text-ink-500 tabular-nums sm:inline">
								{formatBytes(item.sentSize ?? item.size, intlLocale())}
							</span>
							<PhaseLabel item={item} />
						</li>
					)}
				</For>
			</ul>
		</section>
	);
}

/** The files refused, each with why in plain words (PRODUCT.md §3). */
export function RejectedList(props: { items: readonly UploadItem[] }): JSX.Element {
	const { t } = useI18n();
	return (
		<section
			class="card border-amber-200"
			aria-labelledby="upload-rejected-title"
			data-testid="upload-rejected"
		>
			<h2
				id="upload-rejected-title"
				class="flex items-center gap-2 border-b border-amber-100 bg-amber-50 px-5 py-3 text-sm font-bold text-amber-900"
			>
				<Ban class="size-4" aria-hidden="true" />
				{t("upload.rejectedTitle", props.items.length)}
			</h2>
			<ul class="max-h-72 divide-y divide-ink-100 overflow-y-auto text-sm">
				<For each={props.items}>
					{(item) => (
						<li class="px-5 py-2.5 sm:flex sm:items-baseline sm:gap-4">
							<span class="block truncate font-medium text-ink-900 sm:w-1/3 sm:shrink-0">{item.name}</span>
							<span class="block text-ink-700">{reasonText(t, item)}</span>
						</li>
					)}
				</For>
			</ul>
		</section>
	);
}
