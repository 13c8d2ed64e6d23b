import { type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { createSaveState } from "./save-state.ts";

/** One block of the event's settings: a titled card with its own save button and messages. */
export function SettingsCard(props: {
	id: string;
	title: string;
	text?: string;
	tone?: "danger";
	children: JSX.Element;
}): JSX.Element {
	return (
		<section
			class="card p-5 sm:p-6"
			classList={{ "border-red-200": props.tone === "danger" }}
			aria-labelledby={`${props.id}-title`}
			data-testid={`settings-${props.id}`}
		>
			<h2
				id={`${props.id}-title`}
				class="text-lg font-bold"
				classList={{ "text-ink-900": props.tone !== "danger", "text-red-800": props.tone === "danger" }}
			>
				{props.title}
			</h2>
			<Show when={props.text}>
				<p class="mt-1 text-sm text-ink-600">{props.text}</p>
			</Show>
			<div class="mt-5">{props.children}</div>
		</section>
	);
}

/** The end of a card's form: its error or "saved", then the save button (pending while saving). */
export function SettingsSaveFooter(props: { state: ReturnType<typeof createSaveState> }): JSX.Element {
	const { t } = useI18n();
	return (
		<>
			<Show when={props.state.error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
			<Show when={props.state.saved()}>
				<Alert tone="success">{t("eventSettings.saved")}</Alert>
			</Show>
			<SubmitButton
				class="btn-primary"
				pending={props.state.pending()}
				label={t("eventSettings.save")}
				pendingLabel={t("eventSettings.saving")}
			/>
		</>
	);
}
