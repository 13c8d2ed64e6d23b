import { Plus, X } from "lucide-solid";
import { createSignal, createUniqueId, For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { type EventPhoto, trpc } from "../../lib/trpc.ts";

/** Same rule as the server's photos.setBibs (it still checks). */
const bibPattern = /^[0-9A-Za-z-]{1,10}$/;
const maxBibs = 50;

type Bib = EventPhoto["bibs"][number];

/**
 * The photo's bibs as removable chips plus a field to add one; saving replaces the list
 * (photos.setBibs: new bibs become "manual", those kept keep their source).
 */
export function BibEditor(props: { photo: EventPhoto; onSaved: (bibs: Bib[]) => void }): JSX.Element {
	const { t } = useI18n();
	const id = createUniqueId();
	// The draft starts from the photo as opened: a background refresh of the grid never clobbers it.
	const [saved, setSaved] = createSignal<Bib[]>(props.photo.bibs);
	const [draft, setDraft] = createSignal<string[]>(props.photo.bibs.map((b) => b.bib));
	const [input, setInput] = createSignal("");
	const [inputError, setInputError] = createSignal<string>();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [done, setDone] = createSignal(false);

	const dirty = () => {
		const a = [...draft()].sort();
		const b = saved()
			.map((x) => x.bib)
			.sort();
		return a.length !== b.length || a.some((v, i) => v !== b[i]);
	};
	const sourceOf = (bib: string) => saved().find((b) => b.bib === bib);

	const add = () => {
		const value = input().trim();
		if (!value) return;
		if (!bibPattern.test(value)) return setInputError(t("photos.invalidBib"));
		if (draft().includes(value)) return setInputError(t("photos.duplicateBib"));
		if (draft().length >= maxBibs) return setInputError(t("photos.tooManyBibs"));
		setDraft((list) => [...list, value]);
		setInput("");
		setInputError(undefined);
		setDone(false);
	};

	const removeBib = (bib: string) => {
		setDraft((list) => list.filter((b) => b !== bib));
		setDone(false);
	};

	const save: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		// A bib typed but not added yet is what the pro means to save.
		if (input().trim()) {
			add();
			if (inputError()) return;
		}
		setPending(true);
		setError(undefined);
		try {
			const result = await trpc.photos.setBibs.mutate({ photoId: props.photo.id, bibs: draft() });
			const next = result.bibs.map((bib): Bib => sourceOf(bib) ?? { bib, source: "manual", confidence: 100 });
			setSaved(next);
			setDraft(next.map((b) => b.bib));
			setDone(true);
			props.onSaved(next);
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setPending(false);
		}
	};

	return (
		<section aria-labelledby={`bibs-${id}`} class="border-t border-ink-100 pt-5">
			<h3 id={`bibs-${id}`} class="text-sm font-bold text-ink-900">
				{t("photos.bibsTitle")}
			</h3>
			<p class="mt-1 text-sm text-ink-600">{t("photos.bibsHint")}</p>
			<form onSubmit={save} class="mt-4 space-y-4">
				<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
				<Show
					when={draft().length > 0}
					fallback={<p class="text-sm text-ink-500 italic">{t("photos.noBibsYet")}</p>}
				>
					<ul class="flex flex-wrap gap-2">
						<For each={draft()}>
							{(bib) => (
								<li class="inline-flex items-center gap-1 rounded-lg bg-ink-900 py-1 pr-1 pl-2.5 text-sm text-white">
									<span class="font-mono font-bold tabular-nums">{bib}</span>
									<Show when={sourceOf(bib)}>
										{(source) => (
											<span class="text-xs text-ink-300">
												{t(`photos.sources.${source().source}`)}
												<Show when={source().source === "ocr"}>
													{" "}
													{t("photos.confidence", source().confidence)}
												</Show>
											</span>
										)}
									</Show>
									<button
										type="button"
										class="rounded-md p-1 text-ink-300 hover:bg-white/15 hover:text-white"
										aria-label={t("photos.removeBib", bib)}
										onClick={() => removeBib(bib)}
									>
										<X class="size-3.5" aria-hidden="true" />
									</button>
								</li>
							)}
						</For>
					</ul>
				</Show>
				<div>
					<label for={`new-bib-${id}`} class="mb-1.5 block text-sm font-semibold text-ink-800">
						{t("photos.newBibLabel")}
					</label>
					<div class="flex gap-2">
						<input
							id={`new-bib-${id}`}
							type="text"
							inputmode="text"
							autocomplete="off"
							maxLength={10}
							class="field-input font-mono"
							placeholder={t("photos.bibPlaceholder")}
							value={input()}
							aria-invalid={inputError() ? true : undefined}
							aria-describedby={inputError() ? `new-bib-${id}-error` : undefined}
							onInput={(e) => {
								setInput(e.currentTarget.value);
								setInputError(undefined);
							}}
							onKeyDown={(e) => {
								if (e.key === "Enter") {
									e.preventDefault();
									add();
								}
							}}
						/>
						<button type="button" class="btn-secondary shrink-0" onClick={add}>
							<Plus class="size-4" aria-hidden="true" />
							{t("photos.addBib")}
						</button>
					</div>
					<Show when={inputError()}>
						<p id={`new-bib-${id}-error`} class="mt-1.5 text-xs font-medium text-red-700">
							{inputError()}
						</p>
					</Show>
				</div>
				<div class="flex flex-wrap items-center gap-3">
					<SubmitButton
						class="btn-primary"
						pending={pending()}
						disabled={!dirty() && !input().trim()}
						label={t("photos.saveBibs")}
						pendingLabel={t("photos.savingBibs")}
					/>
					<Show when={dirty() && !pending()}>
						<button
							type="button"
							class="btn-ghost"
							onClick={() => {
								setDraft(saved().map((b) => b.bib));
								setInputError(undefined);
							}}
						>
							{t("photos.resetBibs")}
						</button>
					</Show>
					<p class="text-sm" role="status">
						<Show when={dirty()}>
							<span class="text-amber-700">{t("photos.unsavedBibs")}</span>
						</Show>
						<Show when={!dirty() && done()}>
							<span class="font-medium text-emerald-700">{t("photos.bibsSaved")}</span>
						</Show>
					</p>
				</div>
			</form>
		</section>
	);
}
