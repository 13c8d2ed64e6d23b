import type { JSX } from "solid-js";
import { RoleBadge } from "../../components/role-badge.tsx";
import { UserAvatar } from "../../components/user-avatar.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { SpaceId } from "../../lib/spaces.ts";
import type { User } from "../../lib/trpc.ts";

/** Top of every space landing: which space, who is here, and their role. */
export function DashboardHeader(props: { user: User; space: SpaceId; subtitle: string }): JSX.Element {
	const { t } = useI18n();
	return (
		<div class="flex flex-col gap-5 sm:flex-row sm:items-center">
			<UserAvatar name={props.user.name} class="size-14 text-lg" />
			<div class="min-w-0">
				<p class="text-sm font-semibold tracking-wide text-brand-600 uppercase">
					{t(`spaces.${props.space}`)}
				</p>
				<h1 class="mt-0.5 truncate text-2xl font-extrabold text-ink-900 sm:text-3xl">
					{t("dashboard.welcome", props.user.name)}
				</h1>
				<div class="mt-2 flex flex-wrap items-center gap-3 text-sm text-ink-600">
					<RoleBadge role={props.user.role} />
					<span>{props.subtitle}</span>
				</div>
			</div>
		</div>
	);
}
