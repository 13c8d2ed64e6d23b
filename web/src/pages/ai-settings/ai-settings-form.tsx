import { revalidate } from "@solidjs/router";
import { createSignal, type JSX, Show, untrack } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { getAiSettings } from "../../lib/queries/ai-settings.ts";
import { type AiProvider, type AiSettingsView, trpc } from "../../lib/trpc.ts";
import { createSaveState } from "../event-settings/save-state.ts";
import { SettingsCard } from "../event-settings/settings-card.tsx";
import {
	type AiSettingsDraft,
	type DraftError,
	draftChanged,
	draftDefaults,
	draftOf,
	draftProvider,
	emptyDraft,
	formatSettingNumber,
	type NumberSetting,
	readDraft,
} from "./ai-settings-draft.ts";
import { NumberSettingField } from "./number-setting-field.tsx";
import { SettingHint } from "./setting-hint.tsx";

const providers: readonly AiProvider[] = ["local", "rekognition"];

/**
 * The admin's AI settings as one form: every field shows its default, a changed one can be put
 * back, and only the changed ones are saved as overrides (the rest keep following the defaults,
 * which differ per provider).
 */
export function AiSettingsForm(props: { view: AiSettingsView }): JSX.Element {
	const { t, intlLocale } = useI18n();
	// The last view the server sent: the page's first, then each save's answer.
	const [view, setView] = createSignal(untrack(() => props.view));
	const [draft, setDraft] = createSignal<AiSettingsDraft>(
		untrack(() => draftOf(props.view.stored, intlLocale())),
	);
	const [showErrors, setShowErrors] = createSignal(false);
	const state = createSaveState(t);
	/** A change of the draft; the last refusal no longer applies to it. */
	const edit = (change: (draft: AiSettingsDraft) => AiSettingsDraft) => {
		setDraft(change);
		state.setError(undefined);
	};
	const defaults = () => draftDefaults(draft(), view());
	const changed = () => draftChanged(draft(), view());

	const errors = (): DraftError[] => {
		if (!showErrors()) return [];
		const read = readDraft(draft(), view());
		return read.ok ? [] : read.errors;
	};
	const errorFor = (field: NumberSetting | "provider"): string | undefined => {
		const error = errors().find((e) => e.field === field);
		if (!error) return undefined;
		switch (error.kind) {
			case "number": {
				const min = formatSettingNumber(error.min, intlLocale());
				const max = formatSettingNumber(error.max, intlLocale());
				return error.integer
					? t("aiSettings.errors.integer", min, max)
					: t("aiSettings.errors.number", min, max);
			}
			case "lengths":
				return t("aiSettings.errors.lengths");
			case "rekognitionUnavailable":
				return t("aiSettings.rekognitionUnavailable");
		}
	};

	const setNumber = (field: NumberSetting) => (value: string | undefined) =>
		edit((d) => ({ ...d, numbers: { ...d.numbers, [field]: value } }));
	const numberField = (field: NumberSetting, help?: string) => (
		<NumberSettingField
			field={field}
			label={t(`aiSettings.${field}`)}
			help={help}
			value={draft().numbers[field]}
			defaultValue={defaults()[field]}
			error={errorFor(field)}
			onChange={setNumber(field)}
		/>
	);

	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
		event.preventDefault();
		setShowErrors(true);
		const read = readDraft(draft(), view());
		if (!read.ok) {
			state.setError(t("aiSettings.invalid"));
			return;
		}
		void state.run(async () => {
			const saved = await trpc.aiSettings.update.mutate(read.overrides);
			setView(saved);
			setDraft(draftOf(saved.stored, intlLocale()));
			setShowErrors(false);
			await revalidate(getAiSettings.key);
		});
	};

	const providerName = (provider: AiProvider) => t(`aiSettings.providers.${provider}`);
	return (
		<form class="space-y-6" onSubmit={submit} novalidate data-testid="ai-settings-form">
			<Alert tone="info">
				<p data-testid="ai-in-use">{t("aiSettings.inUse", providerName(view().settings.provider))}</p>
				<p>{t("aiSettings.appliesWithinMinute")}</p>
			</Alert>

			<SettingsCard
				id="ai-provider"
				title={t("aiSettings.providerTitle")}
				text={t("aiSettings.providerText")}
			>
				<SelectField
					label={t("aiSettings.provider")}
					name="provider"
					onChange={(event) => {
						const provider = providers.find((p) => p === event.currentTarget.value);
						edit((d) => ({ ...d, provider }));
					}}
					error={errorFor("provider")}
					data-testid="ai-provider"
					hint={
						<span class="block space-y-1">
							<span class="flex flex-wrap items-center gap-x-2 gap-y-1">
								<span>{t("aiSettings.defaultProvider", providerName(view().envProvider))}</span>
								<Show when={draft().provider !== undefined}>
									<button
										type="button"
										class="font-semibold text-brand-700 underline-offset-2 hover:underline"
										aria-label={t("aiSettings.resetFieldLabel", t("aiSettings.provider"))}
										data-testid="ai-provider-reset"
										onClick={() => edit((d) => ({ ...d, provider: undefined }))}
									>
										{t("aiSettings.resetField")}
									</button>
								</Show>
							</span>
							<Show when={!view().rekognitionConfigured}>
								<span class="block" data-testid="ai-rekognition-unavailable">
									{t("aiSettings.rekognitionUnavailable")}
								</span>
							</Show>
						</span>
					}
				>
					{providers.map((provider) => (
						<option
							value={provider}
							selected={provider === draftProvider(draft(), view())}
							disabled={provider === "rekognition" && !view().rekognitionConfigured}
						>
							{providerName(provider)}
						</option>
					))}
				</SelectField>
			</SettingsCard>

			<SettingsCard id="ai-bibs" title={t("aiSettings.bibsTitle")} text={t("aiSettings.bibsText")}>
				<div class="space-y-5">
					{numberField("bibMinConfidence", t("aiSettings.bibMinConfidenceHelp"))}
					<div class="grid gap-5 sm:grid-cols-2">
						{numberField("bibMinLength")}
						{numberField("bibMaxLength")}
					</div>
				</div>
			</SettingsCard>

			<SettingsCard id="ai-faces" title={t("aiSettings.facesTitle")} text={t("aiSettings.facesText")}>
				<div class="space-y-5">
					<div class="flex items-start gap-3">
						<input
							id="ai-faceIndexing"
							name="faceIndexing"
							type="checkbox"
							class="mt-0.5 size-4 shrink-0 rounded accent-brand-600"
							checked={draft().faceIndexing ?? defaults().faceIndexing}
							aria-describedby="ai-faceIndexing-hint"
							data-testid="ai-faceIndexing"
							onChange={(event) => {
								const faceIndexing = event.currentTarget.checked;
								edit((d) => ({ ...d, faceIndexing }));
							}}
						/>
						<div class="min-w-0">
							<label for="ai-faceIndexing" class="block text-sm font-semibold text-ink-800">
								{t("aiSettings.faceIndexing")}
							</label>
							<div id="ai-faceIndexing-hint" class="mt-1 text-xs text-ink-500">
								<SettingHint
									field="faceIndexing"
									label={t("aiSettings.faceIndexing")}
									help={t("aiSettings.faceIndexingHelp")}
									defaultText={defaults().faceIndexing ? t("aiSettings.on") : t("aiSettings.off")}
									overridden={draft().faceIndexing !== undefined}
									onReset={() => edit((d) => ({ ...d, faceIndexing: undefined }))}
								/>
							</div>
						</div>
					</div>
					<div class="grid gap-5 sm:grid-cols-2">
						{numberField("faceMatchSimilarity", t("aiSettings.faceMatchHelp"))}
						{numberField("localFaceMatchCosine", t("aiSettings.faceMatchHelp"))}
					</div>
				</div>
			</SettingsCard>

			<SettingsCard id="ai-selfie" title={t("aiSettings.selfieTitle")} text={t("aiSettings.selfieText")}>
				<div class="grid gap-5 sm:grid-cols-2">
					{numberField("selfieMinSimilarity")}
					{numberField("localSelfieMinCosine")}
				</div>
			</SettingsCard>

			<div class="space-y-4">
				<Show when={state.error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
				<Show when={state.saved() && !changed()}>
					<div data-testid="ai-saved">
						<Alert tone="success">{t("aiSettings.saved")}</Alert>
					</div>
				</Show>
				<Show when={changed() && !state.error()}>
					<p class="text-sm font-medium text-amber-700" data-testid="ai-unsaved">
						{t("aiSettings.unsaved")}
					</p>
				</Show>
				<div class="flex flex-wrap items-center gap-3">
					<SubmitButton
						class="btn-primary"
						pending={state.pending()}
						label={t("aiSettings.save")}
						pendingLabel={t("aiSettings.saving")}
						disabled={!changed()}
					/>
					<button
						type="button"
						class="btn-secondary"
						data-testid="ai-reset-all"
						disabled={state.pending()}
						onClick={() => edit(() => emptyDraft)}
					>
						{t("aiSettings.resetAll")}
					</button>
				</div>
				<p class="text-xs text-ink-500">{t("aiSettings.resetAllHint")}</p>
			</div>
		</form>
	);
}
