import { useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, type JSX, Show } from "solid-js";
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
import { SwitchAuthLink } from "./switch-auth-link.tsx";

export function LoginPage(): JSX.Element {
	const { t } = useI18n();
	const session = useSession();
	const navigate = useNavigate();
	const [searchParams] = useSearchParams();
	const next = () => (typeof searchParams.next === "string" ? searchParams.next : undefined);
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	// Keeps the form on screen while we navigate away, instead of flashing "already signed in".
	const [done, setDone] = createSignal(false);

	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget);
		setPending(true);
		setError(undefined);
		try {
			const { user } = await trpc.auth.login.mutate({
				email: String(form.get("email") ?? ""),
				password: String(form.get("password") ?? ""),
			});
			setDone(true);
			session.signedIn(user);
			navigate(destinationAfterAuth(user.role, next()), { replace: true });
		} catch (err) {
			setError(
				apiErrorMessage(err, t, {
					UNAUTHORIZED: t("errors.invalidCredentials"),
					FORBIDDEN: t("errors.accountDisabled"),
				}),
			);
			setPending(false);
		}
	};

	return (
		<AuthShell title={t("auth.loginTitle")} subtitle={t("auth.loginSubtitle")}>
			<PageTitle>{t("auth.loginMetaTitle")}</PageTitle>
			<Show
				when={!done() && session.user()}
				fallback={
					<form onSubmit={submit} class="space-y-5">
						<Show when={next() && !error()}>
							<Alert tone="info">{t("auth.sessionExpired")}</Alert>
						</Show>
						<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
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
							autocomplete="current-password"
							required
						/>
						<SubmitButton
							pending={pending()}
							label={t("auth.loginSubmit")}
							pendingLabel={t("auth.loginPending")}
						/>
						<SwitchAuthLink
							prompt={t("auth.noAccount")}
							label={t("auth.createAccount")}
							to="/register"
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
