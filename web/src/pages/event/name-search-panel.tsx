import { LoaderCircle, UserRound } from "lucide-solid";
import { createSignal, For, type JSX, Match, onCleanup, onMount, Switch } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import type { RunnerMatch } from "../../lib/shop/shop-types.ts";
import { trpc } from "../../lib/trpc.ts";

/** Typing pauses this long before asking the server: one request per word, not per key. */
const debounceMs = 250;
const minLength = 2;

type Lookup =
	| { state: "idle" }
	| { state: "loading" }
	| { state: "done"; query: string; runners: RunnerMatch[] }
	| { state: "error"; message: string };

/**
 * Name search over the start list as an autocomplete (WAI-ARIA combobox): accent- and
 * case-insensitive, any word order; picking a runner runs the search by their bib.
 */
export function NameSearchPanel(props: {
	eventId: string;
	initial: string | undefined;
	onPick: (bib: string) => void;
}): JSX.Element {
	const { t } = useI18n();
	const [value, setValue] = createSignal(props.initial ?? "");
	const [lookup, setLookup] = createSignal<Lookup>({ state: "idle" });
	const [active, setActive] = createSignal(-1);
	let timer: ReturnType<typeof setTimeout> | undefined;
	// Answers can come back out of order: only the latest request's is shown.
	let requestId = 0;

	const runners = () => {
		const current = lookup();
		return current.state === "done" ? current.runners : [];
	};

	const errorMessage = () => {
		const current = lookup();
		return current.state === "error" ? current.message : undefined;
	};

	const ask = async (query: string) => {
		const id = ++requestId;
		setLookup({ state: "loading" });
		try {
			const { runners } = await trpc.search.byName.query({ eventId: props.eventId, query });
			if (id === requestId) {
				setLookup({ state: "done", query, runners });
				setActive(-1);
			}
		} catch (error) {
			if (id === requestId) setLookup({ state: "error", message: apiErrorMessage(error, t) });
		}
	};

	const onInput = (text: string) => {
		setValue(text);
		clearTimeout(timer);
		const query = text.trim();
		if (query.length < minLength) {
			requestId++;
			setLookup({ state: "idle" });
			return;
		}
		timer = setTimeout(() => void ask(query), debounceMs);
	};
	onMount(() => {
		if (value().trim().length >= minLength) void ask(value().trim());
	});
	onCleanup(() => clearTimeout(timer));

	const pick = (runner: RunnerMatch) => props.onPick(runner.bib);

	const onKeyDown = (event: KeyboardEvent) => {
		const list = runners();
		if (event.key === "ArrowDown" && list.length) {
			event.preventDefault();
			setActive((i) => (i + 1) % list.length);
		} else if (event.key === "ArrowUp" && list.length) {
			event.preventDefault();
			setActive((i) => (i <= 0 ? list.length - 1 : i - 1));
		} else if (event.key === "Enter") {
			event.preventDefault();
			const chosen = list[active()] ?? (list.length === 1 ? list[0] : undefined);
			if (chosen) pick(chosen);
		} else if (event.key === "Escape") {
			setActive(-1);
		}
	};

	const expanded = () => runners().length > 0;

	return (
		<div>
			<label for="name-input" class="mb-1.5 block text-sm font-semibold text-ink-800">
				{t("search.nameLabel")}
			</label>
			<div class="relative">
				<UserRound
					class="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-ink-400"
					aria-hidden="true"
				/>
				<input
					id="name-input"
					type="search"
					role="combobox"
					aria-autocomplete="list"
					aria-expanded={expanded()}
					aria-controls="runner-list"
					aria-activedescendant={active() >= 0 ? `runner-${active()}` : undefined}
					aria-describedby="name-status"
					autocomplete="off"
					autocapitalize="words"
					enterkeyhint="search"
					spellcheck={false}
					placeholder={t("search.namePlaceholder")}
					value={value()}
					onInput={(e) => onInput(e.currentTarget.value)}
					onKeyDown={onKeyDown}
					class="field-input h-12 pr-10 pl-11"
				/>
				{lookup().state === "loading" ? (
					<LoaderCircle
						class="absolute top-1/2 right-3.5 size-5 -translate-y-1/2 animate-spin text-ink-400"
						aria-hidden="true"
					/>
				) : null}
			</div>
			<p id="name-status" class="mt-2 text-sm text-ink-500" role="status">
				<Switch>
					<Match when={lookup().state === "idle"}>{t("search.nameHint")}</Match>
					<Match when={lookup().state === "loading"}>{t("search.nameSearching")}</Match>
					<Match when={errorMessage()}>
						{(message) => <span class="font-medium text-red-700">{message()}</span>}
					</Match>
					<Match when={lookup().state === "done" && runners().length === 0}>
						{t("search.nameNone", value().trim())}
					</Match>
					<Match when={runners().length > 0}>{t("search.nameCount", runners().length)}</Match>
				</Switch>
			</p>
			<div
				id="runner-list"
				role="listbox"
				aria-label={t("search.runnersLabel")}
				class="mt-2 divide-y divide-ink-100 overflow-hidden rounded-xl border border-ink-100 empty:hidden"
			>
				<For each={runners()}>
					{(runner, index) => (
						// biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (↑ ↓ Enter) for its options.
						// biome-ignore lint/a11y/useFocusableInteractive: combobox options are reached through the input's aria-activedescendant, never focused themselves.
						<div
							id={`runner-${index()}`}
							role="option"
							aria-selected={active() === index()}
							onClick={() => pick(runner)}
							onMouseEnter={() => setActive(index())}
							class="flex cursor-pointer items-center gap-3 px-3.5 py-3 transition-colors"
							classList={{ "bg-ink-50": active() === index() }}
							data-testid="runner-option"
						>
							<span class="flex size-10 shrink-0 items-center justify-center rounded-lg bg-ink-900 font-mono text-sm font-bold text-white tabular-nums">
								{runner.bib}
							</span>
							<span class="min-w-0 flex-1">
								<span class="block truncate font-semibold text-ink-900">
									{runner.firstName} {runner.lastName}
								</span>
								<span class="block truncate text-xs text-ink-500">
									{[t("search.bibShort", runner.bib), runner.category, runner.club]
										.filter(Boolean)
										.join(" · ")}
								</span>
							</span>
							<span
								class="shrink-0 rounded-full px-2.5 py-1 text-xs font-semibold"
								classList={{
									"bg-emerald-50 text-emerald-700 ring-1 ring-emerald-200": runner.photoCount > 0,
									"bg-ink-100 text-ink-500": runner.photoCount === 0,
								}}
							>
								{runner.photoCount > 0 ? t("events.photoCount", runner.photoCount) : t("search.noPhotoYet")}
							</span>
						</div>
					)}
				</For>
			</div>
		</div>
	);
}
