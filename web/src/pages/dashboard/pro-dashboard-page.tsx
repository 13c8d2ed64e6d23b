import type { JSX } from "solid-js";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentUser } from "../../lib/current-user.ts";
import { spacePaths, spaces } from "../../lib/spaces.ts";
import { CreditBalanceCard } from "./credit-balance-card.tsx";
import { DashboardHeader } from "./dashboard-header.tsx";
import { GettingStartedCard } from "./getting-started-card.tsx";
import { SectionGrid } from "./section-grid.tsx";

export function ProDashboardPage(): JSX.Element {
	const { t } = useI18n();
	const user = useCurrentUser();
	const paths = spacePaths(spaces.pro);
	return (
		<div class="space-y-8">
			<PageTitle>{t("spaces.pro")}</PageTitle>
			<DashboardHeader user={user()} space="pro" subtitle={t("dashboard.proSubtitle")} />
			<div class="grid gap-4 lg:grid-cols-2">
				<CreditBalanceCard creditsHref={paths.credits} />
				<GettingStartedCard
					steps={[
						{ label: t("dashboard.step1"), href: paths.newEvent },
						{ label: t("dashboard.step2"), href: paths.upload() },
						{ label: t("dashboard.step3"), href: paths.events },
					]}
				/>
			</div>
			<SectionGrid space={spaces.pro} role={user().role} title={t("dashboard.sectionsTitle")} />
		</div>
	);
}
