import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { LogoutButton } from "../../components/logout-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { landingFor } from "../../lib/roles.ts";
import type { User } from "../../lib/trpc.ts";

/** Shown instead of the form to someone already logged in (e.g. an old bookmark to /login). */
export function AlreadySignedIn(props: { user: User }): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="space-y-5">
			<p class="text-ink-700">{t("auth.alreadyLoggedIn", props.user.name)}</p>
			<div class="flex flex-wrap gap-3">
				<A href={landingFor(props.user.role)} class="btn-primary">
					{t("auth.goToSpace")}
				</A>
				<LogoutButton class="btn-secondary" />
			</div>
		</div>
	);
}
