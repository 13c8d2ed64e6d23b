import { For, type JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import type { CsvDelimiter, CsvEncoding, CsvFormat } from "../../lib/pro/pro-types.ts";

// Records, so a format the server adds without its label here is a type error.
const encodings: Record<CsvEncoding, string> = {
	"utf-8": "UTF-8",
	latin1: "Latin-1 / Windows-1252",
	"utf-16le": "UTF-16 LE",
	"utf-16be": "UTF-16 BE",
};
const delimiters: Record<CsvDelimiter, "semicolon" | "comma" | "tab" | "pipe"> = {
	";": "semicolon",
	",": "comma",
	"\t": "tab",
	"|": "pipe",
};

/** The detected format of the file, each part correctable: the table below reads it again. */
export function CsvFormatControls(props: {
	value: CsvFormat;
	onChange: (format: CsvFormat) => void;
}): JSX.Element {
	const { t } = useI18n();
	const small = "mb-1 block text-xs font-semibold text-ink-600";
	return (
		<fieldset class="grid gap-3 rounded-xl bg-ink-50 p-3 sm:grid-cols-3" data-testid="csv-format">
			<legend class="sr-only">{t("startList.formatLegend")}</legend>
			<label class="block">
				<span class={small}>{t("startList.encoding")}</span>
				<select
					class="field-input py-2"
					data-testid="csv-encoding"
					onChange={(e) => props.onChange({ ...props.value, encoding: e.currentTarget.value as CsvEncoding })}
				>
					<For each={Object.entries(encodings)}>
						{([value, label]) => (
							<option value={value} selected={props.value.encoding === value}>
								{label}
							</option>
						)}
					</For>
				</select>
			</label>
			<label class="block">
				<span class={small}>{t("startList.delimiter")}</span>
				<select
					class="field-input py-2"
					data-testid="csv-delimiter"
					onChange={(e) =>
						props.onChange({ ...props.value, delimiter: e.currentTarget.value as CsvDelimiter })
					}
				>
					<For each={Object.entries(delimiters)}>
						{([value, name]) => (
							<option value={value} selected={props.value.delimiter === value}>
								{t(`startList.delimiters.${name}`)}
							</option>
						)}
					</For>
				</select>
			</label>
			<label class="flex items-center gap-2.5 self-end rounded-lg px-1 py-2.5 text-sm font-medium text-ink-800">
				<input
					type="checkbox"
					class="size-4 rounded accent-brand-600"
					checked={props.value.hasHeader}
					data-testid="csv-has-header"
					onChange={(e) => props.onChange({ ...props.value, hasHeader: e.currentTarget.checked })}
				/>
				{t("startList.hasHeader")}
			</label>
		</fieldset>
	);
}
