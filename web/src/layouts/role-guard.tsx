import { A, Navigate, useLocation } from "@solidjs/router";
import { WifiOff } from "lucide-solid";
import { type Accessor, type JSX, Match, Show, Switch } from "solid-js";
import { EmptyState } from "../components/empty-state.tsx";
import { PageLoader } from "../components/spinner.tsx";
import { useI18n } from "../i18n/index.tsx";
import { CurrentUserContext } from "../lib/current-user.ts";
import { hasRole, landingFor } from "../lib/roles.ts";
import { loginPathFor } from "../lib/safe-next.ts";
import { useSession } from "../lib/session.ts";
import type { Role, User } from "../lib/trpc.ts";

/**
 * Client-side door of a space: logged out → login (and back here after), wrong role → the
 * user's own space. Only for comfort: every procedure checks the role on the server.
 */
export function RoleGuard(props: {
	roles: readonly Role[];
	children: (user: Accessor<User>) => JSX.Element;
}): JSX.Element {
	const { t } = useI18n();
	const session = useSession();
	const location = useLocation();
	return (
		<Switch fallback={<PageLoader />}>
			<Match when={session.user() === undefined && session.error()}>
				<div class="mx-auto w-full max-w-xl px-4 py-16">
					<EmptyState icon={WifiOff} title={t("errors.sessionUnavailable")} text={t("errors.network")}>
						<button type="button" class="btn-primary" onClick={() => void session.refresh()}>
							{t("common.retry")}
						</button>
						<A href="/" class="btn-secondary">
							{t("common.backHome")}
						</A>
					</EmptyState>
				</div>
			</Match>
			<Match when={session.user() === null}>
				<Navigate href={loginPathFor(`${location.pathname}${location.search}`)} />
			</Match>
			<Match when={session.user()}>
				{(user) => (
					<Show
						when={hasRole(user().role, props.roles)}
						fallback={<Navigate href={landingFor(user().role)} />}
					>
						<CurrentUserContext.Provider value={user}>{props.children(user)}</CurrentUserContext.Provider>
					</Show>
				)}
			</Match>
		</Switch>
	);
}
