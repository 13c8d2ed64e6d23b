import { A } from "@solidjs/router";
import type { LucideProps } from "lucide-solid";
import { ChartColumn, ClipboardList, Images, Settings, Tags, Upload } from "lucide-solid";
import { type Component, For, type JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useI18n } from "../../i18n/index.tsx";
import { type EventTab, eventTabs, type SpacePaths } from "../../lib/spaces.ts";

const icons: Record<EventTab, Component<LucideProps>> = {
	photos: Images,
	upload: Upload,
	startList: ClipboardList,
	packs: Tags,
	stats: ChartColumn,
	settings: Settings,
};

/** One event's pages as tabs: a row that scrolls sideways on a phone, like the space's nav. */
export function EventTabs(props: { eventId: string; paths: SpacePaths }): JSX.Element {
	const { t } = useI18n();
	return (
		<nav aria-label={t("eventNav.label")} class="relative -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
			<ul class="flex min-w-max gap-1 border-b border-ink-200">
				<For each={eventTabs}>
					{(tab) => (
						<li>
							<A
								href={props.paths.event(props.eventId, tab.tab)}
								end
								class="-mb-px flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-semibold whitespace-nowrap transition-colors"
								activeClass="border-brand-600 text-brand-700"
								inactiveClass="border-transparent text-ink-600 hover:border-ink-300 hover:text-ink-900"
								data-testid={`event-tab-${tab.tab}`}
							>
								<Dynamic component={icons[tab.tab]} class="size-4 shrink-0" aria-hidden="true" />
								{t(`eventNav.tabs.${tab.tab}`)}
							</A>
						</li>
					)}
				</For>
			</ul>
		</nav>
	);
}
