import type { JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import type { User } from "../lib/trpc.ts";
import { RoleBadge } from "./role-badge.tsx";
import { UserAvatar } from "./user-avatar.tsx";

/** Read-only identity of the signed-in user (editing comes with the profile issue). */
export function ProfileCard(props: { user: User }): JSX.Element {
	const { t } = useI18n();
	const row = "grid gap-1 py-3.5 sm:grid-cols-3 sm:gap-4";
	return (
		<section class="card p-6" aria-labelledby="profile-title">
			<div class="flex items-center gap-4">
				<UserAvatar name={props.user.name} class="size-14 text-lg" />
				<div class="min-w-0">
					<h2 id="profile-title" class="truncate text-lg font-bold text-ink-900">
						{t("account.profileTitle")}
					</h2>
					<RoleBadge role={props.user.role} />
				</div>
			</div>
			<dl class="mt-5 divide-y divide-ink-100 border-t border-ink-100 text-sm">
				<div class={row}>
					<dt class="font-medium text-ink-500">{t("account.nameLabel")}</dt>
					<dd class="break-words text-ink-900 sm:col-span-2">{props.user.name}</dd>
				</div>
				<div class={row}>
					<dt class="font-medium text-ink-500">{t("account.emailLabel")}</dt>
					<dd class="break-all text-ink-900 sm:col-span-2" data-testid="account-email">
						{props.user.email}
					</dd>
				</div>
				<div class={row}>
					<dt class="font-medium text-ink-500">{t("account.roleLabel")}</dt>
					<dd class="text-ink-900 sm:col-span-2">{t(`roles.${props.user.role}`)}</dd>
				</div>
			</dl>
		</section>
	);
}
