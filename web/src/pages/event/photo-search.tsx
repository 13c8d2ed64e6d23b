import { Hash, ScanFace, UserRound } from "lucide-solid";
import { createSignal, For, type JSX, Match, Switch } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useI18n } from "../../i18n/index.tsx";
import type { ShopPhoto } from "../../lib/shop/shop-types.ts";
import { BibSearchPanel } from "./bib-search-panel.tsx";
import { NameSearchPanel } from "./name-search-panel.tsx";
import { SelfieSearchPanel } from "./selfie-search-panel.tsx";

export type SearchMode = "bib" | "name" | "selfie";

const modes = [
	{ id: "bib", icon: Hash },
	{ id: "name", icon: UserRound },
	{ id: "selfie", icon: ScanFace },
] as const;

/** The three ways to find one's photos (PRODUCT §4), as tabs: bib, name (start list), selfie. */
export function PhotoSearch(props: {
	eventId: string;
	initialMode: SearchMode;
	bib: string | undefined;
	initialName: string | undefined;
	onBib: (bib: string) => void;
	onSelfieResults: (photos: ShopPhoto[]) => void;
}): JSX.Element {
	const { t } = useI18n();
	const [mode, setMode] = createSignal<SearchMode>(props.initialMode);
	const tabs: HTMLButtonElement[] = [];
	// Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab goes on into the panel.
	const onTabKey = (event: KeyboardEvent, index: number) => {
		const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
		if (!step) return;
		event.preventDefault();
		const nextIndex = (index + step + modes.length) % modes.length;
		const next = modes[nextIndex];
		if (!next) return;
		setMode(next.id);
		tabs[nextIndex]?.focus();
	};
	return (
		<section class="card p-3 sm:p-5" aria-labelledby="photo-search-title">
			<h2 id="photo-search-title" class="sr-only">
				{t("search.title")}
			</h2>
			<div
				role="tablist"
				aria-label={t("search.modesLabel")}
				class="grid grid-cols-3 gap-1 rounded-xl bg-ink-100 p-1"
			>
				<For each={modes}>
					{(item, index) => (
						<button
							ref={(el) => {
								tabs[index()] = el;
							}}
							type="button"
							role="tab"
							id={`search-tab-${item.id}`}
							aria-controls={`search-panel-${item.id}`}
							aria-selected={mode() === item.id}
							tabindex={mode() === item.id ? 0 : -1}
							onClick={() => setMode(item.id)}
							onKeyDown={(e) => onTabKey(e, index())}
							class="flex min-h-11 items-center justify-center gap-1.5 rounded-lg px-2 text-sm font-semibold transition"
							classList={{
								"bg-white text-ink-900 shadow-sm": mode() === item.id,
								"text-ink-600 hover:text-ink-900": mode() !== item.id,
							}}
							data-testid={`search-mode-${item.id}`}
						>
							<Dynamic component={item.icon} class="size-4 shrink-0" aria-hidden="true" />
							{t(`search.modes.${item.id}`)}
						</button>
					)}
				</For>
			</div>
			<div
				role="tabpanel"
				id={`search-panel-${mode()}`}
				aria-labelledby={`search-tab-${mode()}`}
				class="px-1 pt-4 pb-1"
			>
				<Switch>
					<Match when={mode() === "bib"}>
						<BibSearchPanel bib={props.bib} onSearch={props.onBib} />
					</Match>
					<Match when={mode() === "name"}>
						<NameSearchPanel eventId={props.eventId} initial={props.initialName} onPick={props.onBib} />
					</Match>
					<Match when={mode() === "selfie"}>
						<SelfieSearchPanel eventId={props.eventId} onResults={props.onSelfieResults} />
					</Match>
				</Switch>
			</div>
		</section>
	);
}
