import { ImagePlus, Trash2 } from "lucide-solid";
import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import {
	type BrandingKind,
	BrandingUploadError,
	brandingMaxBytes,
	putBrandingImage,
	removeBrandingImage,
} from "../../lib/pro/branding-upload.ts";

/**
 * The event's poster or logo: its current image, and choose / replace / remove. A picked image
 * is sent at once (the server shrinks it); the answer's URL replaces the preview.
 */
export function BrandingImageField(props: {
	eventId: string;
	kind: BrandingKind;
	url: string | null;
	onChanged: (url: string | null) => void;
}): JSX.Element {
	const { t } = useI18n();
	const [pending, setPending] = createSignal<"upload" | "remove">();
	const [error, setError] = createSignal<string>();
	let input: HTMLInputElement | undefined;

	const failure = (err: unknown) => {
		if (err instanceof BrandingUploadError && err.code === "NETWORK") return t("errors.network");
		if (err instanceof BrandingUploadError && err.code === "BAD_REQUEST")
			return t("eventSettings.imageRefused");
		return t("errors.generic");
	};
	const upload = async (file: File) => {
		setError(undefined);
		if (!file.type.startsWith("image/")) return setError(t("eventSettings.imageNotImage"));
		if (file.size > brandingMaxBytes) return setError(t("eventSettings.imageTooLarge"));
		setPending("upload");
		try {
			props.onChanged((await putBrandingImage(props.eventId, props.kind, file)).url);
		} catch (err) {
			setError(failure(err));
		} finally {
			setPending(undefined);
			if (input) input.value = "";
		}
	};
	const remove = async () => {
		setError(undefined);
		setPending("remove");
		try {
			props.onChanged((await removeBrandingImage(props.eventId, props.kind)).url);
		} catch (err) {
			setError(failure(err));
		} finally {
			setPending(undefined);
		}
	};

	return (
		<div data-testid={`branding-${props.kind}`}>
			<p class="text-sm font-semibold text-ink-800">{t(`eventSettings.${props.kind}Label`)}</p>
			<p class="mt-0.5 text-xs text-ink-500">{t(`eventSettings.${props.kind}Hint`)}</p>
			<div class="mt-3 flex flex-wrap items-center gap-4">
				<div
					class="flex shrink-0 items-center justify-center overflow-hidden rounded-xl border border-dashed border-ink-200 bg-ink-50"
					classList={{ "h-20 w-32": props.kind === "poster", "size-20": props.kind === "logo" }}
				>
					<Show when={props.url} fallback={<ImagePlus class="size-6 text-ink-300" aria-hidden="true" />}>
						{(src) => (
							<img
								src={src()}
								alt={t(`eventSettings.${props.kind}Alt`)}
								class="h-full w-full"
								classList={{
									"object-cover": props.kind === "poster",
									"object-contain p-1": props.kind === "logo",
								}}
							/>
						)}
					</Show>
				</div>
				<div class="flex flex-wrap gap-2">
					<input
						ref={input}
						type="file"
						accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
						// Opened by the button beside it, which says what it does.
						class="hidden"
						onChange={(e) => {
							const file = e.currentTarget.files?.[0];
							if (file) void upload(file);
						}}
					/>
					<button
						type="button"
						class="btn-secondary"
						disabled={pending() !== undefined}
						onClick={() => input?.click()}
					>
						<Show when={pending() === "upload"} fallback={<ImagePlus class="size-4" aria-hidden="true" />}>
							<Spinner class="size-4" />
						</Show>
						{pending() === "upload"
							? t("eventSettings.imageUploading")
							: props.url
								? t("eventSettings.imageReplace")
								: t("eventSettings.imageChoose")}
					</button>
					<Show when={props.url}>
						<button
							type="button"
							class="btn-ghost text-red-700 hover:bg-red-50"
							disabled={pending() !== undefined}
							onClick={() => void remove()}
						>
							<Show when={pending() === "remove"} fallback={<Trash2 class="size-4" aria-hidden="true" />}>
								<Spinner class="size-4" />
							</Show>
							{t("eventSettings.imageRemove")}
						</button>
					</Show>
				</div>
			</div>
			<Show when={error()}>
				{(message) => (
					<div class="mt-3">
						<Alert tone="error">{message()}</Alert>
					</div>
				)}
			</Show>
		</div>
	);
}
