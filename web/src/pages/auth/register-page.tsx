import { useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, createUniqueId, For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { destinationAfterAuth } from "../../lib/roles.ts";
import { useSession } from "../../lib/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { AlreadySignedIn } from "./already-signed-in.tsx";
import { AuthShell } from "./auth-shell.tsx";
import { isRegisterRole, registerRoles } from "./register-roles.ts";
import { SwitchAuthLink } from "./switch-auth-link.tsx";

export function RegisterPage(): JSX.Element {
	const { t, locale } = useI18n();
	const session = useSession();
	const navigate = useNavigate();
	const [searchParams] = useSearchParams();
	const next = () => (typeof searchParams.next === "string" ? searchParams.next : undefined);
	// "Create a pro account" links preselect the profile with ?role=…
	const initialRole = isRegisterRole(searchParams.role) ? searchParams.role : "runner";
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [done, setDone] = createSignal(false);
	const roleId = `role-${createUniqueId()}`;

	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		const role = form.get("role");
		setPending(true);
		setError(undefined);
		try {
			const { user } = await trpc.auth.register.mutate({
				name: String(form.get("name") ?? ""),
				email: String(form.get("email") ?? ""),
				password: String(form.get("password") ?? ""),
				role: isRegisterRole(role) ? role : "runner",
				locale: locale(),
			});
			setDone(true);
			session.signedIn(user);
			navigate(destinationAfterAuth(user.role, next()), { replace: true });
		} catch (err) {
			setError(apiErrorMessage(err, t, { CONFLICT: t("errors.emailTaken") }));
			setPending(false);
		}
	};

	return (
		<AuthShell title={t("auth.registerTitle")} subtitle={t("auth.registerSubtitle")}>
			<PageTitle>{t("auth.registerMetaTitle")}</PageTitle>
			<Show
				when={!done() && session.user()}
				fallback={
					<form onSubmit={submit} class="space-y-5">
						<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
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
						<TextField
							label={t("auth.name")}
							name="name"
							autocomplete="name"
							required
							maxLength={120}
							placeholder={t("auth.namePlaceholder")}
						/>
						<TextField
							label={t("auth.email")}
							name="email"
							type="email"
							autocomplete="email"
							inputmode="email"
							required
							placeholder={t("auth.emailPlaceholder")}
						/>
						<PasswordField
							label={t("auth.password")}
							name="password"
							autocomplete="new-password"
							required
							showRule
						/>
						<SubmitButton
							pending={pending()}
							label={t("auth.registerSubmit")}
							pendingLabel={t("auth.registerPending")}
						/>
						<SwitchAuthLink
							prompt={t("auth.haveAccount")}
							label={t("auth.loginInstead")}
							to="/login"
							next={next()}
						/>
					</form>
				}
			>
				{(user) => <AlreadySignedIn user={user()} />}
			</Show>
		</AuthShell>
	);
}
