import { A, useParams } from "@solidjs/router";
import { Users } from "lucide-solid";
import { createSignal, type JSX, Match, Show, Switch } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PageLoader, Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { hasRole, landingFor, proSpaceRoles } from "../../lib/roles.ts";
import { loginPathFor } from "../../lib/safe-next.ts";
import { useSession } from "../../lib/session.ts";
import { trpc } from "../../lib/trpc.ts";

/**
 * `/invites/:token`, the link of a team invitation email. Logged out: log in or sign up with
 * the invited address (and come back here). Logged in: one button to join; the server checks
 * that the account is the invited address.
 */
export function AcceptInvitePage(): JSX.Element {
	const { t } = useI18n();
	const params = useParams<{ token: string }>();
	const session = useSession();
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [joined, setJoined] = createSignal(false);
	const here = () => `/invites/${encodeURIComponent(params.token)}`;
	const afterJoin = () => {
		const user = session.user();
		if (!user) return "/";
		return hasRole(user.role, proSpaceRoles) ? "/pro/team" : landingFor(user.role);
	};
	const accept = async () => {
		setPending(true);
		setError(undefined);
		try {
			await trpc.teams.acceptInvite.mutate({ token: params.token });
			setJoined(true);
		} catch (err) {
			setError(
				apiErrorMessage(err, t, {
					NOT_FOUND: t("invite.expired"),
					CONFLICT: t("invite.used"),
					FORBIDDEN: t("invite.wrongAccount"),
				}),
			);
		} finally {
			setPending(false);
		}
	};
	// Back to this page once logged in with the invited address, rather than the home page.
	const switchAccount = async () => {
		await trpc.auth.logout.mutate().catch(() => undefined);
		window.location.assign(loginPathFor(here()));
	};
	return (
		<div class="flex flex-1 items-start justify-center bg-ink-50 px-4 py-10 sm:py-16">
			<PageTitle>{t("invite.metaTitle")}</PageTitle>
			<div class="card w-full max-w-md p-6 sm:p-8" data-testid="accept-invite">
				<span class="flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
					<Users class="size-6" aria-hidden="true" />
				</span>
				<h1 class="mt-4 text-2xl font-extrabold text-ink-900">{t("invite.title")}</h1>
				<p class="mt-2 text-ink-600">{t("invite.text")}</p>
				<div class="mt-6">
					<Switch fallback={<PageLoader />}>
						<Match when={joined()}>
							<Alert tone="success">{t("invite.joined")}</Alert>
							<A href={afterJoin()} class="btn-primary mt-4 w-full">
								{t("invite.goToTeam")}
							</A>
						</Match>
						<Match when={session.user() === null}>
							<p class="text-sm text-ink-700">{t("invite.loggedOut")}</p>
							<div class="mt-4 grid gap-2 sm:grid-cols-2">
								<A href={loginPathFor(here())} class="btn-primary">
									{t("nav.login")}
								</A>
								<A href={`/register?next=${encodeURIComponent(here())}`} class="btn-secondary">
									{t("nav.register")}
								</A>
							</div>
						</Match>
						<Match when={session.user()}>
							{(user) => (
								<>
									<p class="text-sm text-ink-700">{t("invite.loggedInAs", user().email)}</p>
									<Show when={error()}>
										{(message) => (
											<div class="mt-4">
												<Alert tone="error">{message()}</Alert>
											</div>
										)}
									</Show>
									<button
										type="button"
										class="btn-primary btn-lg mt-4 w-full"
										disabled={pending()}
										onClick={() => void accept()}
									>
										<Show when={pending()}>
											<Spinner class="size-4" />
										</Show>
										{t("invite.accept")}
									</button>
									<button type="button" class="btn-ghost mt-2 w-full" onClick={() => void switchAccount()}>
										{t("invite.otherAccount")}
									</button>
								</>
							)}
						</Match>
					</Switch>
				</div>
			</div>
		</div>
	);
}
