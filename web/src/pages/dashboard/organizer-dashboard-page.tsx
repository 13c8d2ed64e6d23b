import type { JSX } from "solid-js";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useCurrentUser } from "../../lib/current-user.ts";
import { spacePaths, spaces } from "../../lib/spaces.ts";
import { CoverageCard } from "./coverage-card.tsx";
import { CreditBalanceCard } from "./credit-balance-card.tsx";
import { DashboardHeader } from "./dashboard-header.tsx";
import { GettingStartedCard } from "./getting-started-card.tsx";
import { SectionGrid } from "./section-grid.tsx";

/** Organizer landing: photo coverage of each race's runners first, then credits and first steps. */
export function OrganizerDashboardPage(): JSX.Element {
	const { t } = useI18n();
	const user = useCurrentUser();
	const paths = spacePaths(spaces.organizer);
	return (
		<div class="space-y-8">
			<PageTitle>{t("spaces.organizer")}</PageTitle>
			<DashboardHeader user={user()} space="organizer" subtitle={t("dashboard.organizerSubtitle")} />
			<CoverageCard paths={paths} />
			<div class="grid gap-4 lg:grid-cols-2">
				<CreditBalanceCard creditsHref={paths.credits} />
				<GettingStartedCard
					steps={[
						{ label: t("dashboard.organizerStep1"), href: paths.newEvent },
						{ label: t("dashboard.organizerStep2"), href: "/organizer/start-lists" },
						{ label: t("dashboard.organizerStep3"), href: "/organizer/photographers" },
					]}
				/>
			</div>
			<SectionGrid space={spaces.organizer} role={user().role} title={t("dashboard.sectionsTitle")} />
		</div>
	);
}
