import { A, useCurrentMatches } from "@solidjs/router";
import { Construction } from "lucide-solid";
import { type JSX, Show } from "solid-js";
import { EmptyState } from "../components/empty-state.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useI18n } from "../i18n/index.tsx";
import type { SectionKey } from "../lib/spaces.ts";

export interface SectionRouteInfo {
	section: SectionKey;
	spaceBase: string;
}

function isSectionInfo(info: unknown): info is SectionRouteInfo {
	return typeof info === "object" && info !== null && "section" in info && "spaceBase" in info;
}

/**
 * A space section whose feature belongs to a later issue. One component for all of them: the
 * route's `info` (set in routes.ts from lib/spaces.ts) says which section it stands for.
 */
export function ComingSoonPage(): JSX.Element {
	const { t } = useI18n();
	const matches = useCurrentMatches();
	const info = () => {
		const value = matches().at(-1)?.route.info;
		return isSectionInfo(value) ? value : undefined;
	};
	return (
		<Show when={info()}>
			{(current) => (
				<div>
					<PageTitle>{t(`sections.${current().section}.title`)}</PageTitle>
					<h1 class="text-2xl font-extrabold text-ink-900 sm:text-3xl">
						{t(`sections.${current().section}.title`)}
					</h1>
					<p class="mt-2 text-ink-600">{t(`sections.${current().section}.description`)}</p>
					<div class="mt-8">
						<EmptyState
							icon={Construction}
							badge={t("comingSoon.badge")}
							title={t("comingSoon.title", t(`sections.${current().section}.title`))}
							text={t("comingSoon.text")}
						>
							<A href={current().spaceBase} class="btn-secondary">
								{t("comingSoon.backToSpace")}
							</A>
						</EmptyState>
					</div>
				</div>
			)}
		</Show>
	);
}
