import { FileSpreadsheet } from "lucide-solid";
import { createSignal, type JSX } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";

/** A CSV file by click or drop; the input stays in the page so tests and keyboards reach it. */
export function CsvFilePicker(props: { onFile: (file: File) => void; disabled?: boolean }): JSX.Element {
	const { t } = useI18n();
	const [over, setOver] = createSignal(false);
	return (
		<label
			class="flex cursor-pointer flex-col items-center gap-2 rounded-xl border-2 border-dashed px-4 py-8 text-center transition-colors has-focus-visible:ring-4 has-focus-visible:ring-brand-500/30"
			classList={{
				"border-brand-500 bg-brand-50": over(),
				"border-ink-200 bg-ink-50/60 hover:border-brand-300 hover:bg-brand-50/40": !over(),
			}}
			onDragOver={(e) => {
				e.preventDefault();
				setOver(true);
			}}
			onDragLeave={() => setOver(false)}
			onDrop={(e) => {
				e.preventDefault();
				setOver(false);
				const file = e.dataTransfer?.files[0];
				if (file && !props.disabled) props.onFile(file);
			}}
		>
			<FileSpreadsheet class="size-8 text-brand-600" aria-hidden="true" />
			<span class="font-semibold text-ink-900">{t("startList.dropTitle")}</span>
			<span class="text-sm text-ink-600">{t("startList.dropHint")}</span>
			<input
				type="file"
				accept=".csv,.txt,text/csv,text/plain"
				class="sr-only"
				disabled={props.disabled}
				data-testid="csv-input"
				onChange={(e) => {
					const file = e.currentTarget.files?.[0];
					if (file) props.onFile(file);
					e.currentTarget.value = "";
				}}
			/>
		</label>
	);
}
