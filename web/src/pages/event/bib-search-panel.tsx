import { Search } from "lucide-solid";
import { createEffect, createSignal, type JSX, on } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

/** Exact bib search: the number as printed on the bib ("0042" is not "42"). */
export function BibSearchPanel(props: {
	bib: string | undefined;
	onSearch: (bib: string) => void;
}): JSX.Element {
	const { t } = useI18n();
	const [value, setValue] = createSignal(props.bib ?? "");
	// Back and forward move between searches: the box follows the address.
	createEffect(
		on(
			() => props.bib,
			(bib) => bib !== undefined && setValue(bib),
			{ defer: true },
		),
	);
	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
		event.preventDefault();
		const bib = value().trim();
		if (bib) props.onSearch(bib);
	};
	return (
		<search>
			<form onSubmit={submit} class="flex flex-col gap-2 sm:flex-row">
				<label for="bib-input" class="sr-only">
					{t("search.bibLabel")}
				</label>
				<div class="relative flex-1">
					<span
						class="pointer-events-none absolute top-1/2 left-3.5 -translate-y-1/2 font-mono text-lg font-bold text-ink-400"
						aria-hidden="true"
					>
						#
					</span>
					<input
						id="bib-input"
						name="bib"
						type="text"
						inputmode="numeric"
						enterkeyhint="search"
						autocomplete="off"
						maxLength={12}
						required
						placeholder={t("search.bibPlaceholder")}
						value={value()}
						onInput={(e) => setValue(e.currentTarget.value)}
						class="field-input h-12 pl-9 font-mono text-lg font-semibold tracking-wider placeholder:font-sans placeholder:text-base placeholder:font-normal placeholder:tracking-normal sm:text-lg"
					/>
				</div>
				<button
					type="submit"
					class="btn h-12 bg-(--accent) px-6 text-base text-(--accent-fg) hover:brightness-110"
				>
					<Search class="size-5" aria-hidden="true" />
					{t("search.bibSubmit")}
				</button>
			</form>
		</search>
	);
}
