import { For, type JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { type PhotoFilter, photoFilters } from "../../lib/queries/event-photos.ts";

/** The grid's state filter: a row of toggle buttons (scrolls sideways on a phone). */
export function StatusFilter(props: {
	value: PhotoFilter;
	onChange: (value: PhotoFilter) => void;
}): JSX.Element {
	const { t } = useI18n();
	return (
		<fieldset class="-mx-4 min-w-0 overflow-x-auto px-4 sm:mx-0 sm:px-0">
			<legend class="sr-only">{t("photos.filterLabel")}</legend>
			<div class="inline-flex gap-1 rounded-xl bg-white p-1 shadow-sm ring-1 ring-ink-100">
				<For each={photoFilters}>
					{(filter) => (
						<button
							type="button"
							aria-pressed={props.value === filter}
							onClick={() => props.onChange(filter)}
							class="rounded-lg px-3 py-1.5 text-sm font-semibold whitespace-nowrap transition-colors"
							classList={{
								"bg-ink-900 text-white": props.value === filter,
								"text-ink-600 hover:bg-ink-50 hover:text-ink-900": props.value !== filter,
							}}
						>
							{t(`photos.filters.${filter}`)}
						</button>
					)}
				</For>
			</div>
		</fieldset>
	);
}
