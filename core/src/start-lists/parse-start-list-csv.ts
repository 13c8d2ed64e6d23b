import { checkEntry } from "./check-entry.ts";
import { cellValue, isBlankRecord, unwrapExcelText } from "./csv-cells.ts";
import { type CsvColumnMapping, type CsvDelimiter, type CsvEncoding, csvFields } from "./csv-format.ts";
import { decodeCsvBytes } from "./decode-csv-bytes.ts";
import { detectCsvDelimiter } from "./detect-csv-format.ts";
import { type CsvRecord, readCsvRecords } from "./read-csv-records.ts";
import { splitFullName } from "./split-full-name.ts";
import type { StartListEntryInput, StartListIssue } from "./start-list-entry.ts";

export interface ParseStartListCsvOptions {
	/** 0-based column per field, as confirmed by the user (see `previewCsv`'s suggestion). */
	mapping: CsvColumnMapping & { bib: number };
	hasHeader: boolean;
	/** Detected when absent, as in the preview. */
	delimiter?: CsvDelimiter;
	encoding?: CsvEncoding;
}

export interface CsvStartListEntry extends StartListEntryInput {
	/** Line of the file the runner starts on (1-based, the header being line 1). */
	line: number;
}

export interface CsvLineIssue extends StartListIssue {
	line: number;
}

export interface ParsedStartListCsv {
	entries: CsvStartListEntry[];
	/** Skipped lines (`severity: "error"`) and kept lines with a change (`"warning"`), by line. */
	errors: CsvLineIssue[];
}

const delimiterNames: Record<CsvDelimiter, string> = {
	",": "a comma (,)",
	";": "a semicolon (;)",
	"\t": "a tab",
	"|": "a vertical bar (|)",
};

function filledWidth(cells: readonly string[]): number {
	return cells.findLastIndex((cell) => cellValue(cell) !== null) + 1;
}

function mostCommon(values: readonly number[]): number {
	const counts = new Map<number, number>();
	let best = 0;
	let bestCount = 0;
	for (const value of values) {
		const count = (counts.get(value) ?? 0) + 1;
		counts.set(value, count);
		if (count > bestCount) {
			best = value;
			bestCount = count;
		}
	}
	return best;
}

function checkMapping(mapping: CsvColumnMapping): void {
	for (const field of csvFields) {
		const index = mapping[field];
		if (index !== undefined && (!Number.isInteger(index) || index < 0)) {
			throw new RangeError(`Column mapping "${field}" must be a 0-based column index (got ${index})`);
		}
	}
}

/**
 * How wide a line must be. A line with values past `width` had a delimiter inside a value
 * without quotes; a line shorter than `required` lost a cell. Either way its values sit in the
 * wrong columns (a club read as a category), so it is skipped rather than imported wrongly.
 * `required` leaves out trailing columns no line ever fills: a trailing delimiter present on
 * some lines only, or an always-empty last column, is not worth refusing a line for.
 */
function expectedWidths(header: CsvRecord | undefined, data: readonly CsvRecord[]) {
	const width = header ? filledWidth(header.cells) : mostCommon(data.map((record) => record.cells.length));
	const widest = Math.max(0, ...data.map((record) => Math.min(filledWidth(record.cells), width)));
	return { width, required: Math.min(width, widest) };
}

/**
 * The runners of a start-list file, each with its line, and what was wrong line by line in
 * words the organiser can act on. Bibs stay text exactly as written ("0042" is not "42");
 * the first line with a bib wins, later lines with the same bib are reported and skipped.
 */
export function parseStartListCsv(bytes: Uint8Array, options: ParseStartListCsvOptions): ParsedStartListCsv {
	const { mapping } = options;
	checkMapping(mapping);
	const { text } = decodeCsvBytes(bytes, options.encoding);
	const delimiter = options.delimiter ?? detectCsvDelimiter(text);
	const records = readCsvRecords(text, { delimiter }).filter((record) => !isBlankRecord(record.cells));
	const header = options.hasHeader ? records[0] : undefined;
	const data = options.hasHeader ? records.slice(1) : records;
	const { width, required } = expectedWidths(header, data);
	const others = header ? "the header has" : "the other lines have";

	const entries: CsvStartListEntry[] = [];
	const errors: CsvLineIssue[] = [];
	const seen = new Map<string, string>();
	const useFullName = mapping.fullName !== undefined;

	for (const record of data) {
		const { line, cells } = record;
		if (record.unclosedQuote) {
			errors.push({
				line,
				code: "unclosed_quote",
				severity: "warning",
				message: 'A quote (") on this line is never closed: it was read as a plain character.',
			});
		}
		const filled = filledWidth(cells);
		if (filled > width || cells.length < required) {
			const count = filled > width ? filled : cells.length;
			const cause =
				filled > width
					? `a value probably contains ${delimiterNames[delimiter]} without quotes around it`
					: "a cell or a delimiter is missing";
			errors.push({
				line,
				code: "column_count",
				severity: "error",
				message: `This line has ${count} columns where ${others} ${width}: ${cause}. Line skipped.`,
			});
			continue;
		}

		const column = (index: number | undefined) => (index === undefined ? null : cellValue(cells[index]));
		const split = useFullName ? splitFullName(column(mapping.fullName)) : undefined;
		const bibCell = cells[mapping.bib];
		const checked = checkEntry(
			{
				bib: bibCell === undefined ? null : unwrapExcelText(bibCell),
				firstName: mapping.firstName !== undefined ? column(mapping.firstName) : (split?.firstName ?? null),
				lastName: mapping.lastName !== undefined ? column(mapping.lastName) : (split?.lastName ?? null),
				email: column(mapping.email),
				category: column(mapping.category),
				club: column(mapping.club),
			},
			seen,
			`on line ${line}`,
		);
		if (!checked.ok) {
			errors.push({ line, ...checked.issue });
			continue;
		}
		for (const warning of checked.warnings) errors.push({ line, ...warning });
		entries.push({ line, ...checked.entry });
	}
	return { entries, errors };
}
