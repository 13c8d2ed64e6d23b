import { Camera, ImageUp, ShieldCheck } from "lucide-solid";
import { createSignal, type JSX, onCleanup, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { type SelfieOutcome, searchBySelfie } from "../../lib/shop/selfie-search.ts";
import type { ShopPhoto } from "../../lib/shop/shop-types.ts";

/**
 * Search by selfie: the front camera on a phone (capture="user"), or any photo of oneself. The
 * picture goes to the server once, is compared in memory and forgotten (said on screen).
 */
export function SelfieSearchPanel(props: {
	eventId: string;
	onResults: (photos: ShopPhoto[]) => void;
}): JSX.Element {
	const { t } = useI18n();
	const [preview, setPreview] = createSignal<string>();
	const [searching, setSearching] = createSignal(false);
	const [error, setError] = createSignal<string>();
	let controller: AbortController | undefined;

	const clearPreview = () => {
		const url = preview();
		if (url) URL.revokeObjectURL(url);
		setPreview(undefined);
	};
	onCleanup(() => {
		controller?.abort();
		clearPreview();
	});

	const failure = (outcome: Exclude<SelfieOutcome, { ok: true }>): string => {
		switch (outcome.reason) {
			case "rate_limited":
				return t("errors.tooManyRequests", Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)));
			case "too_large":
				return t("search.selfieTooLarge");
			case "unreadable":
				return t("search.selfieUnreadable");
			case "unavailable":
				return t("search.selfieUnavailable");
			case "network":
				return t("errors.network");
			default:
				return t("errors.generic");
		}
	};

	const onFile = async (input: HTMLInputElement) => {
		const file = input.files?.[0];
		// The same file picked twice in a row must fire "change" again.
		input.value = "";
		if (!file) return;
		controller?.abort();
		controller = new AbortController();
		clearPreview();
		setPreview(URL.createObjectURL(file));
		setError(undefined);
		setSearching(true);
		const outcome = await searchBySelfie(props.eventId, file, controller.signal);
		setSearching(false);
		if (outcome.ok) props.onResults(outcome.photos);
		else setError(failure(outcome));
	};

	const button =
		"relative flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-xl px-5 text-base font-semibold transition has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500";

	return (
		<div class="space-y-4">
			<div class="flex items-center gap-4">
				<div class="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-full bg-ink-100 ring-4 ring-ink-50">
					<Show when={preview()} fallback={<Camera class="size-7 text-ink-400" aria-hidden="true" />}>
						{(src) => <img src={src()} alt="" class="h-full w-full object-cover" />}
					</Show>
				</div>
				<p class="text-sm text-ink-700">{t("search.selfieIntro")}</p>
			</div>
			<div class="grid gap-2 sm:grid-cols-2">
				<label class={`${button} bg-(--accent) text-(--accent-fg) hover:brightness-110`}>
					<Camera class="size-5" aria-hidden="true" />
					{t("search.selfieTake")}
					<input
						type="file"
						accept="image/*"
						capture="user"
						class="sr-only"
						disabled={searching()}
						onChange={(e) => void onFile(e.currentTarget)}
						data-testid="selfie-input"
					/>
				</label>
				<label class={`${button} border border-ink-200 bg-white text-ink-800 hover:bg-ink-50`}>
					<ImageUp class="size-5" aria-hidden="true" />
					{t("search.selfiePick")}
					<input
						type="file"
						accept="image/*"
						class="sr-only"
						disabled={searching()}
						onChange={(e) => void onFile(e.currentTarget)}
					/>
				</label>
			</div>
			<Show when={searching()}>
				<p class="flex items-center gap-2 text-sm font-medium text-ink-700" role="status">
					<Spinner class="size-4 text-brand-600" />
					{t("search.selfieSearching")}
				</p>
			</Show>
			<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
			<p class="flex items-start gap-2 rounded-lg bg-emerald-50 px-3 py-2.5 text-xs text-emerald-900 ring-1 ring-emerald-200">
				<ShieldCheck class="mt-px size-4 shrink-0 text-emerald-600" aria-hidden="true" />
				{t("search.selfiePrivacy")}
			</p>
		</div>
	);
}
