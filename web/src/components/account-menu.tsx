import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { landingFor } from "../lib/roles.ts";
import type { User } from "../lib/trpc.ts";
import { LogoutButton } from "./logout-button.tsx";
import { UserAvatar } from "./user-avatar.tsx";

/** Signed-in corner of the public header: a way back to one's space, and logout in plain sight. */
export function AccountMenu(props: { user: User }): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="flex items-center gap-1">
			<A
				href={landingFor(props.user.role)}
				class="flex items-center gap-2 rounded-lg py-1.5 pr-3 pl-1.5 text-sm font-semibold text-ink-800 hover:bg-ink-100"
			>
				<UserAvatar name={props.user.name} />
				<span class="max-w-40 truncate">{t("nav.mySpace")}</span>
			</A>
			<LogoutButton compact />
		</div>
	);
}
