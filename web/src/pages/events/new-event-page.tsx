import { A, revalidate, useNavigate } from "@solidjs/router";
import { ArrowLeft } from "lucide-solid";
import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { useCurrentSpace } from "../../lib/current-space.ts";
import { audienceOf } from "../../lib/pro/wording.ts";
import { getMyEvents } from "../../lib/queries/my-events.ts";
import { getStatsOverview } from "../../lib/queries/stats.ts";
import { spacePaths } from "../../lib/spaces.ts";
import { trpc } from "../../lib/trpc.ts";
import { EventCoreFields, readEventCoreFields } from "./event-core-fields.tsx";

/**
 * A new event, as a draft: what runners will read about it, and (for a pro) the organizer's
 * account to share it with. Its address, branding and packs come next, in its settings.
 */
export function NewEventPage(): JSX.Element {
	const { t } = useI18n();
	const space = useCurrentSpace();
	const audience = audienceOf(space);
	const paths = spacePaths(space);
	const navigate = useNavigate();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();

	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		const organizerEmail = String(form.get("organizerEmail") ?? "").trim();
		setPending(true);
		setError(undefined);
		try {
			const created = await trpc.events.create.mutate({
				...readEventCoreFields(form),
				timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Paris",
				...(organizerEmail ? { organizerEmail } : {}),
			});
			// The event's pages find it in this list: fresh before going there.
			await revalidate([getMyEvents.key, getStatsOverview.key]);
			navigate(paths.event(created.id), { replace: true });
		} catch (err) {
			setError(
				apiErrorMessage(err, t, organizerEmail ? { BAD_REQUEST: t("eventForm.organizerNotFound") } : {}),
			);
			setPending(false);
		}
	};

	return (
		<div class="max-w-3xl">
			<A
				href={paths.events}
				class="inline-flex items-center gap-1.5 text-sm font-medium text-ink-600 hover:text-ink-900"
			>
				<ArrowLeft class="size-4" aria-hidden="true" />
				{t(`eventNav.back.${audience}`)}
			</A>
			<div class="mt-3">
				<PageHeading title={t(`eventForm.newTitle.${audience}`)} text={t(`eventForm.newText.${audience}`)} />
			</div>
			<form class="card mt-8 space-y-6 p-5 sm:p-6" onSubmit={submit} data-testid="new-event-form">
				<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
				<EventCoreFields audience={audience} />
				<Show when={audience === "pro"}>
					<TextField
						label={t("eventForm.organizerEmail")}
						name="organizerEmail"
						type="email"
						inputmode="email"
						autocomplete="off"
						placeholder={t("auth.emailPlaceholder")}
						hint={t("eventForm.organizerEmailHint")}
					/>
				</Show>
				<Alert tone="info">{t("eventForm.draftNote")}</Alert>
				<div class="flex flex-wrap gap-3">
					<SubmitButton
						class="btn-primary"
						pending={pending()}
						label={t(`eventForm.create.${audience}`)}
						pendingLabel={t("eventForm.creating")}
					/>
					<A href={paths.events} class="btn-ghost">
						{t("common.cancel")}
					</A>
				</div>
			</form>
		</div>
	);
}
