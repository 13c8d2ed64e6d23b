import { looksLikeEmail } from "./check-entry.ts";
import { cellValue, isBlankRecord } from "./csv-cells.ts";
import type { CsvColumnMapping, CsvDelimiter, CsvEncoding, CsvFormat } from "./csv-format.ts";
import { suggestColumnMapping } from "./csv-headers.ts";
import { decodeCsvBytes } from "./decode-csv-bytes.ts";
import { detectCsvDelimiter, detectCsvHeader } from "./detect-csv-format.ts";
import { readCsvRecords } from "./read-csv-records.ts";
import { maxBibLength } from "./start-list-entry.ts";

export interface PreviewCsvOptions {
	/** Each overrides its detection (the user corrected it in the preview). */
	encoding?: CsvEncoding;
	delimiter?: CsvDelimiter;
	hasHeader?: boolean;
	/** Data rows returned; 20 unless told. */
	maxRows?: number;
}

export interface CsvPreview {
	format: CsvFormat;
	/** The header's labels, or "Column 1", "Column 2"… without a header (and past its end). */
	headers: string[];
	/** First data rows, cells trimmed and Excel `="…"` unwrapped, as they will be imported. */
	rows: string[][];
	suggestedMapping: CsvColumnMapping;
}

// Rows looked at to guess columns of a file without a header.
const guessRows = 50;

/**
 * Without labels only the shape of values can speak: the column mostly made of short numbers
 * is the bib, the column mostly made of addresses is the email. Names, clubs and categories
 * look alike, so they are left for the user to pick.
 */
function guessFromValues(rows: readonly (string | null)[][]): CsvColumnMapping {
	const mapping: CsvColumnMapping = {};
	const width = Math.max(0, ...rows.map((row) => row.length));
	const share = (column: number, test: (value: string) => boolean) => {
		const values = rows.map((row) => row[column]).filter((value) => value !== null && value !== undefined);
		return values.length === 0 ? 0 : values.filter(test).length / values.length;
	};
	for (let column = 0; column < width; column++) {
		if (
			mapping.bib === undefined &&
			share(column, (v) => /^\d+$/u.test(v) && v.length <= maxBibLength) >= 0.8
		)
			mapping.bib = column;
		else if (mapping.email === undefined && share(column, looksLikeEmail) >= 0.5) mapping.email = column;
	}
	return mapping;
}

/** What the import dialog shows before the user confirms the columns. */
export function previewCsv(bytes: Uint8Array, options: PreviewCsvOptions = {}): CsvPreview {
	const { text, encoding } = decodeCsvBytes(bytes, options.encoding);
	const delimiter = options.delimiter ?? detectCsvDelimiter(text);
	const hasHeader = options.hasHeader ?? detectCsvHeader(text, delimiter);
	const maxRows = options.maxRows ?? 20;

	// Blank lines are records too: read a margin past the rows needed.
	const records = readCsvRecords(text, { delimiter, maxRecords: Math.max(maxRows, guessRows) + 100 }).filter(
		(record) => !isBlankRecord(record.cells),
	);
	const headerCells = hasHeader ? (records[0]?.cells.map((cell) => cellValue(cell) ?? "") ?? []) : [];
	const dataRows = (hasHeader ? records.slice(1) : records).map((record) =>
		record.cells.map((cell) => cellValue(cell)),
	);

	// Trailing delimiters add empty cells, not columns: the table is as wide as its last value.
	const lastFilled = (cells: readonly (string | null)[]) =>
		cells.findLastIndex((cell) => cell !== null && cell !== "") + 1;
	const shown = dataRows.slice(0, maxRows);
	const width = Math.max(lastFilled(headerCells), ...shown.map(lastFilled));
	const rows = shown.map((row) => row.slice(0, width).map((cell) => cell ?? ""));
	const headers = Array.from({ length: width }, (_, i) => {
		const label = headerCells[i];
		return label === undefined || label === "" ? `Column ${i + 1}` : label;
	});

	return {
		format: { encoding, delimiter, hasHeader },
		headers,
		rows,
		suggestedMapping: hasHeader
			? suggestColumnMapping(headerCells)
			: guessFromValues(dataRows.slice(0, guessRows)),
	};
}
