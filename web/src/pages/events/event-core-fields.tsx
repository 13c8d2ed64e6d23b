import { For, type JSX } from "solid-js";
import { SelectField } from "../../components/select-field.tsx";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { sportTypes } from "../../lib/pro/event-choices.ts";
import type { SportType } from "../../lib/pro/pro-types.ts";
import type { Audience } from "../../lib/pro/wording.ts";

export interface EventCoreValues {
	name: string;
	date: string;
	place: string;
	sportType: SportType;
	description: string | null;
}

/** Reads the fields below from their form (names match `EventCoreValues`). */
export function readEventCoreFields(form: FormData): EventCoreValues {
	const description = String(form.get("description") ?? "").trim();
	return {
		name: String(form.get("name") ?? "").trim(),
		date: String(form.get("date") ?? ""),
		place: String(form.get("place") ?? "").trim(),
		sportType: (sportTypes as readonly string[]).includes(String(form.get("sportType")))
			? (String(form.get("sportType")) as SportType)
			: "running",
		description: description === "" ? null : description,
	};
}

/** What runners read about the event: its name, date, place, sport and description. */
export function EventCoreFields(props: { audience: Audience; initial?: EventCoreValues }): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="grid gap-5 sm:grid-cols-2">
			<TextField
				class="sm:col-span-2"
				label={t(`eventForm.name.${props.audience}`)}
				name="name"
				required
				minLength={2}
				maxLength={120}
				value={props.initial?.name ?? ""}
				placeholder={t("eventForm.namePlaceholder")}
				autocomplete="off"
			/>
			<TextField
				label={t("eventForm.date")}
				name="date"
				type="date"
				required
				value={props.initial?.date ?? ""}
			/>
			<SelectField label={t("eventForm.sportType")} name="sportType">
				<For each={sportTypes}>
					{(sport) => (
						<option value={sport} selected={sport === (props.initial?.sportType ?? "running")}>
							{t(`event.sports.${sport}`)}
						</option>
					)}
				</For>
			</SelectField>
			<TextField
				class="sm:col-span-2"
				label={t("eventForm.place")}
				name="place"
				required
				minLength={2}
				maxLength={120}
				value={props.initial?.place ?? ""}
				placeholder={t("eventForm.placePlaceholder")}
			/>
			<TextAreaField
				class="sm:col-span-2"
				label={t("eventForm.description")}
				name="description"
				maxLength={5000}
				value={props.initial?.description ?? ""}
				hint={t("eventForm.descriptionHint")}
			/>
		</div>
	);
}
