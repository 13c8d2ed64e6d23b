import type { JSX } from "solid-js";
import { ChangePasswordForm } from "../../components/change-password-form.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ProfileCard } from "../../components/profile-card.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentUser } from "../../lib/current-user.ts";
import { spaces } from "../../lib/spaces.ts";
import { DashboardHeader } from "../dashboard/dashboard-header.tsx";
import { SectionGrid } from "../dashboard/section-grid.tsx";

/** Runner's account landing: who they are, their password, and what the account will hold. */
export function AccountPage(): JSX.Element {
	const { t } = useI18n();
	const user = useCurrentUser();
	return (
		<div class="space-y-8">
			<PageTitle>{t("account.metaTitle")}</PageTitle>
			<DashboardHeader user={user()} space="account" subtitle={t("dashboard.runnerSubtitle")} />
			<div class="grid gap-6 lg:grid-cols-2">
				<ProfileCard user={user()} />
				<ChangePasswordForm />
			</div>
			<SectionGrid space={spaces.account} role={user().role} title={t("account.upcomingTitle")} />
		</div>
	);
}
