import { useLocation } from "@solidjs/router";
import { type JSX, onMount } from "solid-js";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { CtaSection } from "./cta-section.tsx";
import { HeroSection } from "./hero-section.tsx";
import { HowItWorksSection } from "./how-it-works-section.tsx";
import { ProsSection } from "./pros-section.tsx";
import { RecentEventsSection } from "./recent-events-section.tsx";

export function HomePage(): JSX.Element {
	const { t } = useI18n();
	const location = useLocation();
	// On a first load of /#pros the router looks for the anchor before this lazy page exists.
	onMount(() => {
		const id = location.hash.slice(1);
		if (id) document.getElementById(id)?.scrollIntoView();
	});
	return (
		<>
			<PageTitle>{t("home.metaTitle")}</PageTitle>
			<HeroSection />
			<RecentEventsSection />
			<HowItWorksSection />
			<ProsSection />
			<CtaSection />
		</>
	);
}
