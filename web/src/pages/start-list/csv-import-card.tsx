import { FileSpreadsheet, RotateCcw } from "lucide-solid";
import { createMemo, createSignal, type JSX, Show } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { bytesToBase64 } from "../../lib/pro/base64.ts";
import type { CsvFormat, CsvImportResult } from "../../lib/pro/pro-types.ts";
import { readCsvPreview } from "../../lib/pro/read-csv-preview.ts";
import type { Audience } from "../../lib/pro/wording.ts";
import { trpc } from "../../lib/trpc.ts";
import { CsvFilePicker } from "./csv-file-picker.tsx";
import { CsvFormatControls } from "./csv-format-controls.tsx";
import { CsvImportResultView } from "./csv-import-result.tsx";
import { clampMapping, completeMapping, type DraftMapping } from "./csv-mapping.ts";
import { CsvPreviewTableView } from "./csv-preview-table.tsx";

/** The procedures' own limit (5 MB of CSV is 50 000 runners and more). */
const maxCsvBytes = 5 * 1024 * 1024;

interface PickedFile {
	name: string;
	bytes: Uint8Array;
	base64: string;
}

/**
 * CSV import in three steps: pick a file, check how it reads (format and columns, detected by
 * the server and correctable), import; then what happened, line by line.
 */
export function CsvImportCard(props: {
	eventId: string;
	audience: Audience;
	onImported: () => Promise<unknown>;
}): JSX.Element {
	const { t } = useI18n();
	const [file, setFile] = createSignal<PickedFile>();
	const [format, setFormat] = createSignal<CsvFormat>();
	const [mapping, setMapping] = createSignal<DraftMapping>({});
	const [reading, setReading] = createSignal(false);
	const [importing, setImporting] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [result, setResult] = createSignal<CsvImportResult>();

	const table = createMemo(() => {
		const picked = file();
		const chosen = format();
		return picked && chosen ? readCsvPreview(picked.bytes, chosen) : undefined;
	});

	const reset = () => {
		setFile(undefined);
		setFormat(undefined);
		setMapping({});
		setError(undefined);
	};

	const pick = async (picked: File) => {
		reset();
		setResult(undefined);
		if (picked.size > maxCsvBytes) return setError(t("startList.fileTooLarge"));
		if (picked.size === 0) return setError(t("startList.fileEmpty"));
		setReading(true);
		try {
			const bytes = new Uint8Array(await picked.arrayBuffer());
			const base64 = bytesToBase64(bytes);
			const preview = await trpc.startLists.previewCsv.mutate({ eventId: props.eventId, file: base64 });
			setFile({ name: picked.name, bytes, base64 });
			setFormat(preview.format);
			setMapping(preview.suggestedMapping);
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setReading(false);
		}
	};

	const changeFormat = (next: CsvFormat) => {
		setFormat(next);
		const width = table()?.width ?? 0;
		setMapping((current) => clampMapping(current, width));
	};

	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		const picked = file();
		const chosen = format();
		const complete = completeMapping(mapping());
		if (!picked || !chosen || !complete) return;
		setImporting(true);
		setError(undefined);
		try {
			const imported = await trpc.startLists.importCsv.mutate({
				eventId: props.eventId,
				file: picked.base64,
				hasHeader: chosen.hasHeader,
				delimiter: chosen.delimiter,
				encoding: chosen.encoding,
				mapping: complete,
			});
			reset();
			setResult(imported);
			await props.onImported();
		} catch (err) {
			setError(apiErrorMessage(err, t));
		} finally {
			setImporting(false);
		}
	};

	return (
		<section class="card p-5 sm:p-6" aria-labelledby="csv-import-title">
			<h2 id="csv-import-title" class="flex items-center gap-2 text-lg font-bold text-ink-900">
				<FileSpreadsheet class="size-5 text-brand-600" aria-hidden="true" />
				{t("startList.csvTitle")}
			</h2>
			<p class="mt-1 text-sm text-ink-600">{t(`startList.csvText.${props.audience}`)}</p>
			<div class="mt-5 space-y-5">
				<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
				<Show when={result()}>{(done) => <CsvImportResultView result={done()} />}</Show>
				<Show
					when={file()}
					fallback={
						<Show
							when={!reading()}
							fallback={
								<p class="flex items-center gap-2 py-6 text-sm text-ink-600" role="status">
									<Spinner class="size-4 text-brand-600" />
									{t("startList.reading")}
								</p>
							}
						>
							<CsvFilePicker onFile={(picked) => void pick(picked)} />
						</Show>
					}
				>
					{(picked) => (
						<form class="space-y-4" onSubmit={submit}>
							<div class="flex flex-wrap items-center justify-between gap-2">
								<p class="min-w-0 truncate text-sm font-semibold text-ink-900" data-testid="csv-file-name">
									{picked().name}
								</p>
								<button type="button" class="btn-ghost px-2.5 py-1.5 text-xs" onClick={reset}>
									<RotateCcw class="size-3.5" aria-hidden="true" />
									{t("startList.otherFile")}
								</button>
							</div>
							<Show when={format()}>
								{(current) => <CsvFormatControls value={current()} onChange={changeFormat} />}
							</Show>
							<p class="text-sm text-ink-600">{t("startList.mappingHint")}</p>
							<Show when={table()}>
								{(current) => (
									<CsvPreviewTableView table={current()} mapping={mapping()} onMappingChange={setMapping} />
								)}
							</Show>
							<Show when={mapping().bib === undefined}>
								<Alert tone="info">{t("startList.bibRequired")}</Alert>
							</Show>
							<SubmitButton
								class="btn-primary"
								pending={importing()}
								disabled={mapping().bib === undefined}
								label={t("startList.import")}
								pendingLabel={t("startList.importing")}
							/>
						</form>
					)}
				</Show>
				<Show when={result() && !file()}>
					<p class="text-xs text-ink-500">{t("startList.reimportHint")}</p>
				</Show>
			</div>
		</section>
	);
}
