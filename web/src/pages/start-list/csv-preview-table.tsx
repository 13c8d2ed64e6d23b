import { For, type JSX, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { CsvField } from "../../lib/pro/pro-types.ts";
import type { CsvPreviewTable } from "../../lib/pro/read-csv-preview.ts";
import { assignColumn, csvFields, type DraftMapping, fieldOfColumn } from "./csv-mapping.ts";

/**
 * The file's first rows as they will be read, with one select per column saying which
 * start-list field it holds (prefilled from the server's suggestion). Scrolls sideways on a phone.
 */
export function CsvPreviewTableView(props: {
	table: CsvPreviewTable;
	mapping: DraftMapping;
	onMappingChange: (mapping: DraftMapping) => void;
}): JSX.Element {
	const { t } = useI18n();
	const columns = () => Array.from({ length: props.table.width }, (_, i) => i);
	return (
		<div class="relative -mx-5 overflow-x-auto sm:mx-0 sm:rounded-xl sm:ring-1 sm:ring-ink-100">
			<table class="min-w-full text-left text-sm" data-testid="csv-preview">
				<caption class="sr-only">{t("startList.previewCaption")}</caption>
				<thead class="bg-ink-50">
					<tr>
						<For each={columns()}>
							{(column) => (
								<th scope="col" class="min-w-36 px-3 pt-3 pb-2 align-bottom font-semibold text-ink-900">
									<span class="block truncate" title={props.table.headers[column] ?? undefined}>
										{props.table.headers[column] ?? t("startList.column", column + 1)}
									</span>
									<select
										class="field-input mt-2 py-1.5 font-normal"
										classList={{
											"border-brand-400 bg-brand-50/60": fieldOfColumn(props.mapping, column) !== undefined,
										}}
										aria-label={t("startList.columnMapping", column + 1)}
										data-testid={`csv-map-${column}`}
										onChange={(e) => {
											const value = e.currentTarget.value;
											props.onMappingChange(
												assignColumn(props.mapping, column, value === "" ? undefined : (value as CsvField)),
											);
										}}
									>
										<option value="" selected={fieldOfColumn(props.mapping, column) === undefined}>
											{t("startList.ignoreColumn")}
										</option>
										<For each={csvFields}>
											{(field) => (
												<option value={field} selected={fieldOfColumn(props.mapping, column) === field}>
													{t(`startList.fields.${field}`)}
												</option>
											)}
										</For>
									</select>
								</th>
							)}
						</For>
					</tr>
				</thead>
				<tbody class="divide-y divide-ink-100 bg-white">
					<For each={props.table.rows}>
						{(row) => (
							<tr>
								<For each={row}>
									{(cell, column) => (
										<td
											class="max-w-56 truncate px-3 py-2 text-ink-700"
											classList={{ "font-semibold text-ink-900": props.mapping.bib === column() }}
										>
											{cell}
										</td>
									)}
								</For>
							</tr>
						)}
					</For>
				</tbody>
			</table>
			<Show when={props.table.rows.length === 0}>
				<p class="px-3 py-4 text-sm text-ink-500">{t("startList.previewEmpty")}</p>
			</Show>
		</div>
	);
}
