import type { JSX } from "solid-js";
import { Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { EmailField } from "../../components/person-fields.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { trpc } from "../../lib/trpc.ts";
import { createAuthForm, SignedOutOnly } from "./auth-form.tsx";
import { AuthShell } from "./auth-shell.tsx";
import { SwitchAuthLink } from "./switch-auth-link.tsx";

export function LoginPage(): JSX.Element {
	const { t } = useI18n();
	const form = createAuthForm({
		send: (data) =>
			trpc.auth.login.mutate({
				email: String(data.get("email") ?? ""),
				password: String(data.get("password") ?? ""),
			}),
		errorMessage: (err) =>
			apiErrorMessage(err, t, {
				UNAUTHORIZED: t("errors.invalidCredentials"),
				FORBIDDEN: t("errors.accountDisabled"),
			}),
	});

	return (
		<AuthShell title={t("auth.loginTitle")} subtitle={t("auth.loginSubtitle")}>
			<PageTitle>{t("auth.loginMetaTitle")}</PageTitle>
			<SignedOutOnly form={form}>
				<form onSubmit={form.submit} class="space-y-5">
					<Show when={form.next() && !form.error()}>
						<Alert tone="info">{t("auth.sessionExpired")}</Alert>
					</Show>
					<Show when={form.error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
					<EmailField label={t("auth.email")} />
					<PasswordField
						label={t("auth.password")}
						name="password"
						autocomplete="current-password"
						required
					/>
					<SubmitButton
						pending={form.pending()}
						label={t("auth.loginSubmit")}
						pendingLabel={t("auth.loginPending")}
					/>
					<SwitchAuthLink
						prompt={t("auth.noAccount")}
						label={t("auth.createAccount")}
						to="/register"
						next={form.next()}
					/>
				</form>
			</SignedOutOnly>
		</AuthShell>
	);
}
