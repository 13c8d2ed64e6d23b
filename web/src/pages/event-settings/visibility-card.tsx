import { Archive, Eye, EyeOff } from "lucide-solid";
import { createSignal, For, type JSX, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { eventVisibilities } from "../../lib/pro/event-choices.ts";
import type { EventVisibility } from "../../lib/pro/pro-types.ts";
import { createSaveState } from "./save-state.ts";
import { SettingsCard } from "./settings-card.tsx";

const icons = { draft: EyeOff, public: Eye, archived: Archive } as const;

/**
 * Who sees the event's page, each choice saying what it means for runners. Picking one saves it
 * at once: it is one click, and the header's badge follows.
 */
export function VisibilityCard(props: {
	value: EventVisibility;
	onSave: (visibility: EventVisibility) => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const state = createSaveState(t);
	// Shown chosen at once; back to the saved value if the server refuses.
	const [chosen, setChosen] = createSignal(props.value);
	const choose = async (visibility: EventVisibility) => {
		setChosen(visibility);
		if (!(await state.run(() => props.onSave(visibility)))) setChosen(props.value);
	};
	return (
		<SettingsCard
			id="visibility"
			title={t("eventSettings.visibilityTitle")}
			text={t("eventSettings.visibilityText")}
		>
			<fieldset disabled={state.pending()}>
				<legend class="sr-only">{t("eventSettings.visibilityTitle")}</legend>
				<div class="grid gap-3 md:grid-cols-3">
					<For each={eventVisibilities}>
						{(visibility) => (
							<label
								class="relative flex cursor-pointer flex-col gap-1.5 rounded-xl border-2 p-4 transition-colors has-focus-visible:ring-4 has-focus-visible:ring-brand-500/30"
								classList={{
									"border-brand-500 bg-brand-50/50": chosen() === visibility,
									"border-ink-100 hover:border-ink-200": chosen() !== visibility,
								}}
							>
								<input
									type="radio"
									name="visibility"
									value={visibility}
									checked={chosen() === visibility}
									class="sr-only"
									onChange={() => void choose(visibility)}
									data-testid={`visibility-${visibility}`}
								/>
								<span class="flex items-center gap-2 font-bold text-ink-900">
									<Dynamic component={icons[visibility]} class="size-4 text-brand-600" aria-hidden="true" />
									{t(`proEvents.visibility.${visibility}`)}
								</span>
								<span class="text-sm text-ink-600">{t(`eventSettings.visibilityHelp.${visibility}`)}</span>
							</label>
						)}
					</For>
				</div>
			</fieldset>
			<div class="mt-3 text-sm empty:hidden" aria-live="polite">
				<Show when={state.pending()}>
					<span class="inline-flex items-center gap-2 text-ink-600">
						<Spinner class="size-4" />
						{t("eventSettings.saving")}
					</span>
				</Show>
				<Show when={state.saved() && !state.pending()}>
					<span class="font-medium text-emerald-700">{t("eventSettings.saved")}</span>
				</Show>
			</div>
			<Show when={state.error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
		</SettingsCard>
	);
}
