import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import type { TeamKind } from "../../lib/pro/pro-types.ts";
import { trpc } from "../../lib/trpc.ts";

/** An agency, club or federation opens its team (of its own kind: the server checks it too). */
export function CreateTeamForm(props: { kind: TeamKind; onCreated: () => Promise<unknown> }): JSX.Element {
	const { t } = useI18n();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
		setPending(true);
		setError(undefined);
		try {
			await trpc.teams.create.mutate({ name, kind: props.kind });
			await props.onCreated();
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setPending(false);
		}
	};
	return (
		<section class="card p-5 sm:p-6" aria-labelledby="create-team-title">
			<h2 id="create-team-title" class="text-lg font-bold text-ink-900">
				{t("teams.createTitle")}
			</h2>
			<p class="mt-1 text-sm text-ink-600">{t(`teams.createText.${props.kind}`)}</p>
			<form class="mt-5 flex flex-col gap-4 sm:flex-row sm:items-end" onSubmit={submit}>
				<TextField
					class="flex-1"
					label={t("teams.name")}
					name="name"
					required
					minLength={2}
					maxLength={120}
					placeholder={t("teams.namePlaceholder")}
				/>
				<SubmitButton
					class="btn-primary"
					pending={pending()}
					label={t("teams.create")}
					pendingLabel={t("teams.creating")}
				/>
			</form>
			<Show when={error()}>
				{(message) => (
					<div class="mt-3">
						<Alert tone="error">{message()}</Alert>
					</div>
				)}
			</Show>
		</section>
	);
}
