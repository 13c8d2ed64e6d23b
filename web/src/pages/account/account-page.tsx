import type { JSX } from "solid-js";
import { ChangePasswordForm } from "../../components/change-password-form.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ProfileForm } from "../../components/profile-form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentUser } from "../../lib/current-user.ts";
import { spaces } from "../../lib/spaces.ts";
import { DashboardHeader } from "../dashboard/dashboard-header.tsx";
import { SectionGrid } from "../dashboard/section-grid.tsx";

/** Runner's account landing: their profile (name, phone, language), their password, and what the account holds. */
export function AccountPage(): JSX.Element {
	const { t } = useI18n();
	const user = useCurrentUser();
	return (
		<div class="space-y-8">
			<PageTitle>{t("account.metaTitle")}</PageTitle>
			<DashboardHeader user={user()} space="account" subtitle={t("dashboard.runnerSubtitle")} />
			<div class="grid gap-6 lg:grid-cols-2">
				<ProfileForm user={user()} />
				<ChangePasswordForm />
			</div>
			<SectionGrid space={spaces.account} role={user().role} title={t("account.upcomingTitle")} />
		</div>
	);
}
