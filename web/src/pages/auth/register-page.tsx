import { useSearchParams } from "@solidjs/router";
import { createUniqueId, For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { EmailField, NameField } from "../../components/person-fields.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { trpc } from "../../lib/trpc.ts";
import { createAuthForm, SignedOutOnly } from "./auth-form.tsx";
import { AuthShell } from "./auth-shell.tsx";
import { isRegisterRole, registerRoles } from "./register-roles.ts";
import { SwitchAuthLink } from "./switch-auth-link.tsx";

export function RegisterPage(): JSX.Element {
	const { t, locale } = useI18n();
	const [searchParams] = useSearchParams();
	// "Create a pro account" links preselect the profile with ?role=…
	const initialRole = isRegisterRole(searchParams.role) ? searchParams.role : "runner";
	const roleId = `role-${createUniqueId()}`;
	const form = createAuthForm({
		send: (data) => {
			const role = data.get("role");
			return trpc.auth.register.mutate({
				name: String(data.get("name") ?? ""),
				email: String(data.get("email") ?? ""),
				password: String(data.get("password") ?? ""),
				role: isRegisterRole(role) ? role : "runner",
				locale: locale(),
			});
		},
		errorMessage: (err) => apiErrorMessage(err, t, { CONFLICT: t("errors.emailTaken") }),
	});

	return (
		<AuthShell title={t("auth.registerTitle")} subtitle={t("auth.registerSubtitle")}>
			<PageTitle>{t("auth.registerMetaTitle")}</PageTitle>
			<SignedOutOnly form={form}>
				<form onSubmit={form.submit} class="space-y-5">
					<Show when={form.error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
					<div>
						<label for={roleId} class="mb-1.5 block text-sm font-semibold text-ink-800">
							{t("auth.roleLabel")}
						</label>
						<select id={roleId} name="role" class="field-input" aria-describedby={`${roleId}-hint`}>
							<For each={registerRoles}>
								{(role) => (
									<option value={role} selected={role === initialRole}>
										{t(`auth.roleOptions.${role}`)}
									</option>
								)}
							</For>
						</select>
						<p id={`${roleId}-hint`} class="mt-1.5 text-xs text-ink-500">
							{t("auth.roleHint")}
						</p>
					</div>
					<NameField label={t("auth.name")} />
					<EmailField label={t("auth.email")} />
					<PasswordField
						label={t("auth.password")}
						name="password"
						autocomplete="new-password"
						required
						showRule
					/>
					<SubmitButton
						pending={form.pending()}
						label={t("auth.registerSubmit")}
						pendingLabel={t("auth.registerPending")}
					/>
					<SwitchAuthLink
						prompt={t("auth.haveAccount")}
						label={t("auth.loginInstead")}
						to="/login"
						next={form.next()}
					/>
				</form>
			</SignedOutOnly>
		</AuthShell>
	);
}
