import type { JSX } from "solid-js";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentUser } from "../../lib/current-user.ts";
import { spaces } from "../../lib/spaces.ts";
import { DashboardHeader } from "./dashboard-header.tsx";
import { SectionGrid } from "./section-grid.tsx";

/** Admin landing; the KPI tiles (PRODUCT §6) come with the admin issue. */
export function AdminDashboardPage(): JSX.Element {
	const { t } = useI18n();
	const user = useCurrentUser();
	return (
		<div class="space-y-8">
			<PageTitle>{t("spaces.admin")}</PageTitle>
			<DashboardHeader user={user()} space="admin" subtitle={t("dashboard.adminSubtitle")} />
			<SectionGrid space={spaces.admin} role={user().role} title={t("dashboard.sectionsTitle")} />
		</div>
	);
}
