import type { JSX } from "solid-js";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { commonTimezones } from "../../lib/pro/event-choices.ts";
import type { ManagedEventDetails, UpdateEventInput } from "../../lib/pro/pro-types.ts";
import type { Audience } from "../../lib/pro/wording.ts";
import { EventCoreFields, readEventCoreFields } from "../events/event-core-fields.tsx";
import { createSaveState } from "./save-state.ts";
import { SettingsCard, SettingsSaveFooter } from "./settings-card.tsx";

/** The event's name, date, place, sport, description and time zone. */
export function DetailsCard(props: {
	event: ManagedEventDetails;
	audience: Audience;
	onSave: (fields: Omit<UpdateEventInput, "eventId">) => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const state = createSaveState(t);
	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		const timezone = String(form.get("timezone") ?? "").trim();
		void state.run(() => props.onSave({ ...readEventCoreFields(form), ...(timezone ? { timezone } : {}) }));
	};
	return (
		<SettingsCard id="details" title={t("eventSettings.detailsTitle")} text={t("eventSettings.detailsText")}>
			<form class="space-y-5" onSubmit={submit}>
				<EventCoreFields audience={props.audience} initial={props.event} />
				<TextField
					label={t("eventSettings.timezone")}
					name="timezone"
					list="event-timezones"
					value={props.event.timezone}
					hint={t("eventSettings.timezoneHint")}
					autocomplete="off"
				/>
				<datalist id="event-timezones">
					{commonTimezones.map((zone) => (
						<option value={zone} />
					))}
				</datalist>
				<SettingsSaveFooter state={state} />
			</form>
		</SettingsCard>
	);
}
