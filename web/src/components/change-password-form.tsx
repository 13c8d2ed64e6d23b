import { createSignal, type JSX, Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { apiErrorMessage } from "../lib/api-error-message.ts";
import { trpc } from "../lib/trpc.ts";
import { Alert } from "./alert.tsx";
import { PasswordField } from "./password-field.tsx";
import { SubmitButton } from "./submit-button.tsx";

export function ChangePasswordForm(): JSX.Element {
	const { t } = useI18n();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [done, setDone] = createSignal(false);
	// Remounts the fields after success so they come back empty (and their rule counter resets).
	const [formKey, setFormKey] = createSignal(0);

	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		const currentPassword = String(form.get("currentPassword") ?? "");
		const newPassword = String(form.get("newPassword") ?? "");
		setError(undefined);
		setDone(false);
		if (currentPassword === newPassword) {
			setError(t("account.samePassword"));
			return;
		}
		setPending(true);
		try {
			await trpc.auth.changePassword.mutate({ currentPassword, newPassword });
			setDone(true);
			setFormKey((k) => k + 1);
		} catch (err) {
			// A BAD_REQUEST without field errors is the service saying the current password is wrong.
			setError(apiErrorMessage(err, t, { BAD_REQUEST: t("errors.wrongCurrentPassword") }));
		} finally {
			setPending(false);
		}
	};

	return (
		<section class="card p-6" aria-labelledby="change-password-title">
			<h2 id="change-password-title" class="text-lg font-bold text-ink-900">
				{t("account.changePasswordTitle")}
			</h2>
			<p class="mt-1 text-sm text-ink-600">{t("account.changePasswordText")}</p>
			<Show keyed when={formKey() + 1}>
				<form onSubmit={submit} class="mt-5 space-y-5">
					<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
					<Show when={done()}>
						<Alert tone="success">{t("account.changePasswordDone")}</Alert>
					</Show>
					<PasswordField
						label={t("account.currentPassword")}
						name="currentPassword"
						autocomplete="current-password"
						required
					/>
					<PasswordField
						label={t("account.newPassword")}
						name="newPassword"
						autocomplete="new-password"
						required
						showRule
					/>
					<SubmitButton
						class="btn-primary"
						pending={pending()}
						label={t("account.changePasswordSubmit")}
						pendingLabel={t("account.changePasswordPending")}
					/>
				</form>
			</Show>
		</section>
	);
}
