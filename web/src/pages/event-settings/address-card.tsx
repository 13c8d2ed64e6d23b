import { type JSX, Show } from "solid-js";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { ManagedEventDetails, UpdateEventInput } from "../../lib/pro/pro-types.ts";
import type { Audience } from "../../lib/pro/wording.ts";
import { createSaveState } from "./save-state.ts";
import { SettingsCard, SettingsSaveFooter } from "./settings-card.tsx";

/**
 * The public page's address and, for a pro, the organizer's account the event is shared with
 * (their space then lists it). A changed address breaks the links already shared: said first.
 */
export function AddressCard(props: {
	event: ManagedEventDetails;
	audience: Audience;
	onSave: (fields: Omit<UpdateEventInput, "eventId">) => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const state = createSaveState(t);
	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		const slug = String(form.get("slug") ?? "")
			.trim()
			.toLowerCase();
		const organizerEmail = String(form.get("organizerEmail") ?? "").trim();
		const fields: Omit<UpdateEventInput, "eventId"> = {
			...(slug !== props.event.slug ? { slug } : {}),
			...(props.audience === "pro" && organizerEmail !== (props.event.organizerEmail ?? "")
				? { organizerEmail: organizerEmail === "" ? null : organizerEmail }
				: {}),
		};
		void state.run(() => (Object.keys(fields).length > 0 ? props.onSave(fields) : Promise.resolve()), {
			CONFLICT: t("eventSettings.slugTaken"),
			BAD_REQUEST: t("eventForm.organizerNotFound"),
		});
	};
	return (
		<SettingsCard id="address" title={t("eventSettings.addressTitle")} text={t("eventSettings.addressText")}>
			<form class="space-y-5" onSubmit={submit}>
				<TextField
					label={t("eventSettings.slug")}
					name="slug"
					required
					maxLength={80}
					pattern="[a-z0-9]+(-[a-z0-9]+)*"
					value={props.event.slug}
					autocomplete="off"
					autocapitalize="none"
					spellcheck={false}
					hint={
						<>
							<span class="break-all">
								{location.origin}/events/<strong>{props.event.slug}</strong>
							</span>
							<br />
							{t("eventSettings.slugHint")}
						</>
					}
				/>
				<Show when={props.audience === "pro"}>
					<TextField
						label={t("eventForm.organizerEmail")}
						name="organizerEmail"
						type="email"
						inputmode="email"
						autocomplete="off"
						value={props.event.organizerEmail ?? ""}
						placeholder={t("auth.emailPlaceholder")}
						hint={t("eventSettings.organizerHint")}
					/>
				</Show>
				<SettingsSaveFooter state={state} />
			</form>
		</SettingsCard>
	);
}
