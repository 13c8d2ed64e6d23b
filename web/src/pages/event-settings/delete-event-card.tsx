import { useNavigate } from "@solidjs/router";
import { Trash2 } from "lucide-solid";
import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import type { ManagedEventDetails } from "../../lib/pro/pro-types.ts";
import type { Audience } from "../../lib/pro/wording.ts";
import { trpc } from "../../lib/trpc.ts";
import { SettingsCard } from "./settings-card.tsx";

/**
 * Deletes the event and everything of it (photos, start list, packs). No undo, so the event's
 * address must be typed again first, as the server also checks.
 */
export function DeleteEventCard(props: {
	event: ManagedEventDetails;
	audience: Audience;
	eventsPath: string;
	onDeleted: () => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const navigate = useNavigate();
	const [typed, setTyped] = createSignal("");
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const matches = () => typed().trim() === props.event.slug;

	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		if (!matches()) return;
		setPending(true);
		setError(undefined);
		try {
			await trpc.events.delete.mutate({ eventId: props.event.id, confirmSlug: typed().trim() });
			// Away first: the event's own pages would show "not found" once the list is fresh.
			navigate(props.eventsPath, { replace: true });
			void props.onDeleted();
		} catch (err) {
			setError(apiErrorMessage(err, t, { FORBIDDEN: t("eventSettings.deleteOwnerOnly") }));
			setPending(false);
		}
	};

	return (
		<SettingsCard
			id="danger"
			tone="danger"
			title={t("eventSettings.dangerTitle")}
			text={t(`eventSettings.deleteText.${props.audience}`)}
		>
			<form class="space-y-4" onSubmit={submit}>
				<TextField
					label={t("eventSettings.deleteConfirmLabel", props.event.slug)}
					name="confirmSlug"
					autocomplete="off"
					autocapitalize="none"
					spellcheck={false}
					value={typed()}
					onInput={(e) => setTyped(e.currentTarget.value)}
				/>
				<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
				<button
					type="submit"
					class="btn bg-red-700 text-white hover:bg-red-800"
					disabled={!matches() || pending()}
					data-testid="delete-event"
				>
					<Show when={pending()} fallback={<Trash2 class="size-4" aria-hidden="true" />}>
						<Spinner class="size-4" />
					</Show>
					{pending() ? t("eventSettings.deleting") : t(`eventSettings.delete.${props.audience}`)}
				</button>
			</form>
		</SettingsCard>
	);
}
