import { useNavigate } from "@solidjs/router";
import { Search } from "lucide-solid";
import { createSignal, type JSX } from "solid-js";
import { useI18n } from "../i18n/index.tsx";

/** Bib or name search from anywhere: it leads to /events, where each race opens with that search run. */
export function BibSearchForm(props: { initial?: string; tone?: "light" | "dark" }): JSX.Element {
	const { t } = useI18n();
	const navigate = useNavigate();
	const [value, setValue] = createSignal(props.initial ?? "");
	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
		event.preventDefault();
		const q = value().trim();
		navigate(q ? `/events?q=${encodeURIComponent(q)}` : "/events");
	};
	return (
		<search class="block w-full">
			<form onSubmit={submit}>
				<label
					for="bib-search"
					class="mb-2 block text-sm font-semibold"
					classList={{ "text-ink-100": props.tone === "dark", "text-ink-800": props.tone !== "dark" }}
				>
					{t("home.searchLabel")}
				</label>
				<div
					class="flex flex-col gap-2 rounded-2xl bg-white p-2 ring-1 ring-ink-100 sm:flex-row"
					classList={{ "shadow-2xl shadow-black/30 ring-0": props.tone === "dark" }}
				>
					<div class="relative flex-1">
						<Search
							class="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-ink-400"
							aria-hidden="true"
						/>
						<input
							id="bib-search"
							name="q"
							type="search"
							inputmode="search"
							autocomplete="off"
							placeholder={t("home.searchPlaceholder")}
							value={value()}
							onInput={(e) => setValue(e.currentTarget.value)}
							class="h-12 w-full rounded-xl border-0 bg-transparent pr-3 pl-11 text-base text-ink-900 placeholder:text-ink-400 focus:ring-2 focus:ring-brand-500"
						/>
					</div>
					<button type="submit" class="btn-primary btn-lg h-12 rounded-xl">
						{t("home.searchSubmit")}
					</button>
				</div>
			</form>
		</search>
	);
}
