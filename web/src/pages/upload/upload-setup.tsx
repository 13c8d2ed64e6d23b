import { A, createAsync, revalidate } from "@solidjs/router";
import { CalendarDays, Coins, FileWarning, Trash2, X } from "lucide-solid";
import { createMemo, createSignal, createUniqueId, For, type JSX, Show, Suspense } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { formatBytes, formatEventDate } from "../../lib/format.ts";
import { audienceOf } from "../../lib/pro/wording.ts";
import { getCreditBalance } from "../../lib/queries/credit-balance.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import type { SpacePaths } from "../../lib/spaces.ts";
import { isApiError, type ManagedEvent, trpc } from "../../lib/trpc.ts";
import { fileKey, isAcceptedFile } from "../../lib/upload/accepted-files.ts";
import { DropZone } from "./drop-zone.tsx";
import { defaultUploadOptions, type UploadChoices, UploadOptionsFieldset } from "./upload-options.tsx";

/** What the setup hands to the run once the server opened the import (credits checked). */
export interface StartedImport {
	event: ManagedEvent;
	batchId: string;
	files: File[];
	fullResolution: boolean;
}

/** Names shown before "and N more": enough to recognise the selection, short on a phone. */
const listedFiles = 8;

/**
 * Before the import: which event, which photos, which options, and what it costs. The server
 * opens the import only if the balance covers every file (uploads.create), so a lack of
 * credits is said here, before anything is sent.
 */
export function UploadSetup(props: {
	initialEventId?: string | undefined;
	paths: SpacePaths;
	onStarted: (started: StartedImport) => void;
}): JSX.Element {
	const { t, intlLocale } = useI18n();
	const events = createAsync(() => getMyEvents());
	const balance = createAsync(() => getCreditBalance());
	const eventFieldId = `event-${createUniqueId()}`;
	const [eventId, setEventId] = createSignal(props.initialEventId ?? "");
	const [files, setFiles] = createSignal<File[]>([]);
	const [ignored, setIgnored] = createSignal(0);
	const [choices, setChoices] = createSignal<UploadChoices>({
		options: defaultUploadOptions,
		fullResolution: false,
	});
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [creditsRefused, setCreditsRefused] = createSignal<string>();
	const [tried, setTried] = createSignal(false);

	// One event only: nothing to choose.
	const selectedEvent = createMemo(() => {
		const list = events() ?? [];
		const chosen = list.find((e) => e.id === eventId());
		return chosen ?? (list.length === 1 ? list[0] : undefined);
	});
	const totalBytes = () => files().reduce((sum, f) => sum + f.size, 0);
	const cost = () => files().length;
	const knownBalance = () => {
		try {
			return balance();
		} catch {
			return undefined;
		}
	};
	const lacksCredits = () => {
		const b = knownBalance();
		return b !== undefined && cost() > b;
	};

	const addFiles = (picked: File[]) => {
		const accepted = picked.filter(isAcceptedFile);
		setIgnored((n) => n + picked.length - accepted.length);
		setFiles((current) => {
			const seen = new Set(current.map(fileKey));
			return [...current, ...accepted.filter((f) => !seen.has(fileKey(f)))];
		});
		setCreditsRefused(undefined);
		setError(undefined);
	};
	const removeFile = (file: File) => setFiles((list) => list.filter((f) => f !== file));
	const clearFiles = () => {
		setFiles([]);
		setIgnored(0);
		setCreditsRefused(undefined);
	};

	const start: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (e) => {
		e.preventDefault();
		setTried(true);
		const event = selectedEvent();
		if (!event || files().length === 0 || lacksCredits()) return;
		setPending(true);
		setError(undefined);
		setCreditsRefused(undefined);
		try {
			const { batchId } = await trpc.uploads.create.mutate({
				eventId: event.id,
				expectedCount: files().length,
				options: choices().options,
			});
			props.onStarted({ event, batchId, files: files(), fullResolution: choices().fullResolution });
		} catch (err) {
			if (isApiError(err) && err.data?.code === "PAYMENT_REQUIRED") {
				// The balance moved since it was shown (another import, an admin): show the fresh one.
				void revalidate(getCreditBalance.key);
				setCreditsRefused(err.message);
			} else {
				setError(apiErrorMessage(err, t));
			}
			setPending(false);
		}
	};

	return (
		<Suspense fallback={<SetupSkeleton />}>
			<Show
				when={(events() ?? []).length > 0}
				fallback={
					<EmptyState icon={CalendarDays} title={t("upload.noEventsTitle")} text={t("upload.noEventsText")}>
						<A href={props.paths.newEvent} class="btn-primary">
							{t(`eventForm.newTitle.${audienceOf(useCurrentSpace())}`)}
						</A>
					</EmptyState>
				}
			>
				<form onSubmit={start} class="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]" novalidate>
					<div class="space-y-6">
						<section class="card p-5 sm:p-6">
							<label for={eventFieldId} class="block text-sm font-bold text-ink-900">
								{t("upload.eventLabel")}
							</label>
							<p id={`${eventFieldId}-hint`} class="mt-0.5 text-xs text-ink-500">
								{t("upload.eventHint")}
							</p>
							<select
								id={eventFieldId}
								name="eventId"
								class="field-input mt-3"
								aria-describedby={`${eventFieldId}-hint`}
								aria-invalid={tried() && !selectedEvent() ? true : undefined}
								onChange={(e) => setEventId(e.currentTarget.value)}
							>
								<Show when={!selectedEvent()}>
									<option value="">{t("upload.eventPlaceholder")}</option>
								</Show>
								<For each={events()}>
									{(event) => (
										<option value={event.id} selected={event.id === selectedEvent()?.id}>
											{event.name} — {formatEventDate(event.date, intlLocale())}
										</option>
									)}
								</For>
							</select>
							<Show when={tried() && !selectedEvent()}>
								<p class="mt-1.5 text-xs font-medium text-red-700">{t("upload.pickEvent")}</p>
							</Show>
						</section>

						<section class="card p-5 sm:p-6" aria-labelledby="upload-photos-title">
							<h2 id="upload-photos-title" class="mb-3 text-sm font-bold text-ink-900">
								{t("upload.photosTitle")}
							</h2>
							<DropZone onFiles={addFiles} compact={files().length > 0} />
							<Show when={ignored() > 0}>
								<p class="mt-3 flex items-start gap-2 text-sm text-amber-800" role="status">
									<FileWarning class="mt-0.5 size-4 shrink-0" aria-hidden="true" />
									{t("upload.ignored", ignored())}
								</p>
							</Show>
							<Show when={tried() && files().length === 0}>
								<p class="mt-3 text-sm font-medium text-red-700">{t("upload.pickPhotos")}</p>
							</Show>
							<Show when={files().length > 0}>
								<div class="mt-4">
									<div class="flex flex-wrap items-center justify-between gap-2">
										<p class="text-sm font-semibold text-ink-900" data-testid="upload-selected">
											{t("upload.selected", files().length)}
											<span class="font-normal text-ink-500">
												{" "}
												· {formatBytes(totalBytes(), intlLocale())}
											</span>
										</p>
										<button type="button" class="btn-ghost px-2.5 py-1.5 text-xs" onClick={clearFiles}>
											<Trash2 class="size-3.5" aria-hidden="true" />
											{t("upload.clear")}
										</button>
									</div>
									<ul class="mt-2 divide-y divide-ink-100 rounded-lg border border-ink-100 text-sm">
										<For each={files().slice(0, listedFiles)}>
											{(file) => (
												<li class="flex items-center gap-3 py-1.5 pr-1.5 pl-3">
													<span class="min-w-0 flex-1 truncate text-ink-800">{file.name}</span>
													<span class="shrink-0 text-xs text-ink-500 tabular-nums">
														{formatBytes(file.size, intlLocale())}
													</span>
													<button
														type="button"
														class="rounded-md p-1 text-ink-400 hover:bg-ink-100 hover:text-ink-800"
														aria-label={t("upload.removeFile", file.name)}
														onClick={() => removeFile(file)}
													>
														<X class="size-4" aria-hidden="true" />
													</button>
												</li>
											)}
										</For>
										<Show when={files().length > listedFiles}>
											<li class="px-3 py-1.5 text-ink-500">
												{t("upload.andMore", files().length - listedFiles)}
											</li>
										</Show>
									</ul>
								</div>
							</Show>
						</section>
					</div>

					<aside class="space-y-6 lg:sticky lg:top-24 lg:self-start">
						<section class="card p-5 sm:p-6">
							<UploadOptionsFieldset value={choices()} onChange={setChoices} disabled={pending()} />
						</section>
						<section class="card space-y-4 p-5 sm:p-6" aria-label={t("upload.costLabel")}>
							<dl class="space-y-2 text-sm">
								<div class="flex items-baseline justify-between gap-3">
									<dt class="text-ink-600">{t("upload.costLabel")}</dt>
									<dd class="font-bold text-ink-900 tabular-nums" data-testid="upload-cost">
										{t("upload.credits", cost())}
									</dd>
								</div>
								<div class="flex items-baseline justify-between gap-3">
									<dt class="text-ink-600">{t("upload.balanceLabel")}</dt>
									<dd class="font-semibold tabular-nums" classList={{ "text-red-700": lacksCredits() }}>
										<Suspense
											fallback={<span class="inline-block h-4 w-20 animate-pulse rounded bg-ink-100" />}
										>
											<Show when={knownBalance() !== undefined} fallback={t("upload.balanceError")}>
												{t("upload.credits", knownBalance() ?? 0)}
											</Show>
										</Suspense>
									</dd>
								</div>
							</dl>
							<p class="text-xs text-ink-500">{t("upload.costHint")}</p>
							<Show when={lacksCredits() || creditsRefused()}>
								<Alert tone="error">
									<p class="font-semibold">{t("upload.notEnoughCreditsTitle")}</p>
									<p class="mt-1">
										{lacksCredits()
											? t("upload.notEnoughCredits", cost(), knownBalance() ?? 0)
											: creditsRefused()}
									</p>
									<A
										href={props.paths.credits}
										class="mt-2 inline-flex items-center gap-1.5 font-semibold underline"
									>
										<Coins class="size-4" aria-hidden="true" />
										{t("upload.buyCredits")}
									</A>
								</Alert>
							</Show>
							<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
							<SubmitButton
								class="btn-primary btn-lg w-full"
								pending={pending()}
								label={files().length > 0 ? t("upload.start", files().length) : t("upload.startEmpty")}
								pendingLabel={t("upload.starting")}
							/>
						</section>
					</aside>
				</form>
			</Show>
		</Suspense>
	);
}

function SetupSkeleton(): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]" role="status">
			<span class="sr-only">{t("common.loading")}</span>
			<div class="space-y-6" aria-hidden="true">
				<div class="card h-32 animate-pulse bg-ink-100/60" />
				<div class="card h-64 animate-pulse bg-ink-100/60" />
			</div>
			<div class="card h-96 animate-pulse bg-ink-100/60" aria-hidden="true" />
		</div>
	);
}
