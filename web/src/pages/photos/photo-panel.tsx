import { ImageOff, Trash2, X } from "lucide-solid";
import { createSignal, type JSX, onCleanup, onMount, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { formatDateTime } from "../../lib/format.ts";
import { type EventPhoto, trpc } from "../../lib/trpc.ts";
import { BibEditor } from "./bib-editor.tsx";
import { PhotoStatusBadge } from "./photo-status-badge.tsx";

/**
 * A photo's details in a side panel (a modal <dialog>: focus stays inside, Escape closes, focus
 * returns to the tile): the watermarked thumbnail, state and why, the bibs to fix, delete.
 */
export function PhotoPanel(props: {
	photo: EventPhoto;
	onClose: () => void;
	onBibsSaved: (photoId: string, bibs: EventPhoto["bibs"]) => void;
	onDeleted: (photoId: string) => void;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	let dialog: HTMLDialogElement | undefined;
	const [confirming, setConfirming] = createSignal(false);
	const [deleting, setDeleting] = createSignal(false);
	const [deleteError, setDeleteError] = createSignal<string>();

	onMount(() => dialog?.showModal());
	onCleanup(() => dialog?.close());

	const reason = () => {
		if (props.photo.status === "rejected" && props.photo.rejectionReason) {
			return t(`upload.reasons.${props.photo.rejectionReason}`);
		}
		if (props.photo.status === "failed") return props.photo.statusReason ?? t("photos.reasonFailed");
		return undefined;
	};

	const remove = async () => {
		setDeleting(true);
		setDeleteError(undefined);
		try {
			await trpc.photos.delete.mutate({ photoId: props.photo.id });
			props.onDeleted(props.photo.id);
		} catch (err) {
			setDeleteError(apiErrorMessage(err, t));
			setDeleting(false);
		}
	};

	return (
		// biome-ignore lint/a11y/useKeyWithClickEvents: the click is on the backdrop only; keyboards close with Escape (native to <dialog>) or the close button.
		<dialog
			ref={dialog}
			aria-labelledby="photo-panel-title"
			onClose={() => props.onClose()}
			// A click on the backdrop (outside the panel box) closes it.
			onClick={(e) => {
				if (e.target === dialog) dialog?.close();
			}}
			class="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-full max-w-md overflow-y-auto bg-white p-0 text-ink-900 shadow-2xl backdrop:bg-ink-900/50 sm:max-w-lg"
		>
			<div class="flex min-h-full flex-col">
				<header class="sticky top-0 z-10 flex items-center justify-between gap-3 border-b border-ink-100 bg-white/95 px-5 py-3 backdrop-blur">
					<h2 id="photo-panel-title" class="truncate text-base font-bold">
						{t("photos.panelTitle")}
					</h2>
					<button
						type="button"
						class="btn-ghost -mr-2 px-2.5"
						onClick={() => dialog?.close()}
						aria-label={t("photos.close")}
					>
						<X class="size-5" aria-hidden="true" />
					</button>
				</header>
				<div class="flex-1 space-y-6 p-5">
					<div class="overflow-hidden rounded-xl bg-ink-100">
						<Show
							when={props.photo.thumbUrl ?? props.photo.microUrl}
							fallback={
								<div class="flex aspect-[3/2] flex-col items-center justify-center gap-2 text-sm text-ink-500">
									<ImageOff class="size-8 text-ink-300" aria-hidden="true" />
									{t("photos.noPreview")}
								</div>
							}
						>
							{(src) => (
								<img
									src={src()}
									alt={props.photo.originalFilename}
									class="max-h-[50vh] w-full object-contain"
									width={props.photo.width ?? undefined}
									height={props.photo.height ?? undefined}
								/>
							)}
						</Show>
					</div>
					<div>
						<p class="font-semibold break-all">{props.photo.originalFilename}</p>
						<dl class="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
							<dt class="text-ink-500">{t("photos.statusLabel")}</dt>
							<dd>
								<PhotoStatusBadge status={props.photo.status} />
								<Show when={reason()}>{(text) => <p class="mt-1.5 text-ink-700">{text()}</p>}</Show>
							</dd>
							<Show when={props.photo.takenAt}>
								{(at) => (
									<>
										<dt class="text-ink-500">{t("photos.takenAt")}</dt>
										<dd>{formatDateTime(at(), intlLocale(), { wallClock: true })}</dd>
									</>
								)}
							</Show>
							<Show when={props.photo.width && props.photo.height}>
								<dt class="text-ink-500">{t("photos.dimensions")}</dt>
								<dd class="tabular-nums">
									{props.photo.width} × {props.photo.height} px
								</dd>
							</Show>
							<dt class="text-ink-500">{t("photos.importedAt")}</dt>
							<dd>{formatDateTime(props.photo.createdAt, intlLocale())}</dd>
						</dl>
					</div>
					<BibEditor photo={props.photo} onSaved={(bibs) => props.onBibsSaved(props.photo.id, bibs)} />
					<section aria-labelledby="photo-delete-title" class="border-t border-ink-100 pt-5">
						<h3 id="photo-delete-title" class="sr-only">
							{t("photos.deleteTitle")}
						</h3>
						<Show when={deleteError()}>
							{(message) => (
								<div class="mb-3">
									<Alert tone="error">{message()}</Alert>
								</div>
							)}
						</Show>
						<Show
							when={confirming()}
							fallback={
								<button
									type="button"
									class="btn text-red-700 hover:bg-red-50"
									onClick={() => setConfirming(true)}
								>
									<Trash2 class="size-4" aria-hidden="true" />
									{t("photos.delete")}
								</button>
							}
						>
							<div
								class="rounded-xl border border-red-200 bg-red-50 p-4"
								role="alertdialog"
								aria-labelledby="photo-delete-confirm"
							>
								<p id="photo-delete-confirm" class="text-sm font-medium text-red-900">
									{t("photos.deleteConfirm")}
								</p>
								<div class="mt-3 flex flex-wrap gap-2">
									<button
										type="button"
										class="btn bg-red-700 text-white hover:bg-red-800"
										disabled={deleting()}
										onClick={() => void remove()}
										ref={(el) => queueMicrotask(() => el.focus())}
									>
										<Show when={deleting()} fallback={<Trash2 class="size-4" aria-hidden="true" />}>
											<Spinner class="size-4" />
										</Show>
										{deleting() ? t("photos.deleting") : t("photos.deleteYes")}
									</button>
									<button
										type="button"
										class="btn-secondary"
										disabled={deleting()}
										onClick={() => setConfirming(false)}
									>
										{t("photos.cancel")}
									</button>
								</div>
							</div>
						</Show>
					</section>
				</div>
			</div>
		</dialog>
	);
}
