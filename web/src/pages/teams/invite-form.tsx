import { createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import type { InviteRole } from "../../lib/pro/pro-types.ts";
import { trpc } from "../../lib/trpc.ts";

/** Invites a photographer by email: they get a one-time link, valid a week, for that address only. */
export function InviteForm(props: {
	organisationId: string;
	onInvited: () => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [sent, setSent] = createSignal<string>();
	const [formKey, setFormKey] = createSignal(0);
	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		const email = String(form.get("email") ?? "").trim();
		const role: InviteRole = form.get("role") === "manager" ? "manager" : "member";
		setPending(true);
		setError(undefined);
		setSent(undefined);
		try {
			await trpc.teams.invite.mutate({ organisationId: props.organisationId, email, role });
			setSent(email);
			setFormKey((k) => k + 1);
			await props.onInvited();
		} catch (err) {
			setError(apiErrorMessage(err, t, { CONFLICT: t("teams.alreadyMember") }));
		} finally {
			setPending(false);
		}
	};
	return (
		<div>
			<h3 class="font-bold text-ink-900">{t("teams.inviteTitle")}</h3>
			<p class="mt-0.5 text-sm text-ink-600">{t("teams.inviteText")}</p>
			<Show keyed when={formKey() + 1}>
				<form class="mt-4 grid gap-4 sm:grid-cols-[minmax(0,1fr)_11rem_auto] sm:items-end" onSubmit={submit}>
					<TextField
						label={t("auth.email")}
						name="email"
						type="email"
						inputmode="email"
						autocomplete="off"
						required
						placeholder={t("auth.emailPlaceholder")}
					/>
					<SelectField label={t("teams.role")} name="role">
						<option value="member">{t("teams.roles.member")}</option>
						<option value="manager">{t("teams.roles.manager")}</option>
					</SelectField>
					<SubmitButton
						class="btn-primary"
						pending={pending()}
						label={t("teams.invite")}
						pendingLabel={t("teams.inviting")}
					/>
				</form>
			</Show>
			<Show when={sent()}>
				{(email) => (
					<div class="mt-3">
						<Alert tone="success">{t("teams.invited", email())}</Alert>
					</div>
				)}
			</Show>
			<Show when={error()}>
				{(message) => (
					<div class="mt-3">
						<Alert tone="error">{message()}</Alert>
					</div>
				)}
			</Show>
		</div>
	);
}
