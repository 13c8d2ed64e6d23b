import { looksLikeEmail } from "./check-entry.ts";
import { cellValue, isBlankRecord } from "./csv-cells.ts";
import { type CsvDelimiter, type CsvFormat, csvDelimiters } from "./csv-format.ts";
import { hasKnownLabel } from "./csv-headers.ts";
import { decodeCsvBytes } from "./decode-csv-bytes.ts";
import { readCsvRecords } from "./read-csv-records.ts";

/** Lines looked at: enough to see a pattern, few enough that a long file costs nothing. */
const sampleLines = 30;

// When two delimiters are equally consistent, the one with more columns wins; then this order,
// French Excel's ";" first (its "," is the decimal separator).
const tieOrder: readonly CsvDelimiter[] = [";", ",", "\t", "|"];

/** Occurrences of each candidate per non-blank line, outside quotes, over the first lines. */
function countDelimiters(text: string): Map<CsvDelimiter, number[]> {
	const counts = new Map<CsvDelimiter, number[]>(csvDelimiters.map((d) => [d, []]));
	let current = new Map<CsvDelimiter, number>();
	let inQuotes = false;
	let lineHasText = false;
	let lines = 0;
	const endLine = () => {
		if (lineHasText) {
			for (const d of csvDelimiters) counts.get(d)?.push(current.get(d) ?? 0);
			lines++;
		}
		current = new Map();
		lineHasText = false;
	};
	for (let i = 0; i < text.length && lines < sampleLines; i++) {
		const char = text[i] as string;
		// Every quote toggles: `""` inside a quoted field toggles twice and changes nothing.
		if (char === '"') inQuotes = !inQuotes;
		if (!inQuotes && (char === "\n" || char === "\r")) {
			endLine();
			continue;
		}
		if (char.trim() !== "") lineHasText = true;
		if (!inQuotes && (csvDelimiters as readonly string[]).includes(char)) {
			const d = char as CsvDelimiter;
			current.set(d, (current.get(d) ?? 0) + 1);
		}
	}
	endLine();
	return counts;
}

/**
 * The delimiter whose count is the same on the most lines (a delimiter is a structure, so it
 * repeats; commas inside names or decimals do not). Lines with one more (a trailing delimiter
 * on data rows only) just lower the score a little. A file with a single column gets ",".
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
	let best: { delimiter: CsvDelimiter; consistency: number; columns: number } | undefined;
	for (const [delimiter, perLine] of countDelimiters(text)) {
		if (perLine.length === 0) continue;
		const frequency = new Map<number, number>();
		for (const n of perLine) frequency.set(n, (frequency.get(n) ?? 0) + 1);
		let mode = 0;
		let modeLines = 0;
		for (const [n, times] of frequency) {
			if (times > modeLines || (times === modeLines && n > mode)) {
				mode = n;
				modeLines = times;
			}
		}
		if (mode === 0) continue;
		const consistency = modeLines / perLine.length;
		const better =
			best === undefined ||
			consistency > best.consistency ||
			(consistency === best.consistency &&
				(mode > best.columns ||
					(mode === best.columns && tieOrder.indexOf(delimiter) < tieOrder.indexOf(best.delimiter))));
		if (better) best = { delimiter, consistency, columns: mode };
	}
	return best?.delimiter ?? ",";
}

// A bib or any other plain count: labels never are one.
function looksLikeData(cell: string | null): boolean {
	return cell !== null && (/^\d+$/u.test(cell) || looksLikeEmail(cell));
}

/**
 * Labels or a first runner? A row with a number or an email is data; a row with a label we
 * know is a header; otherwise, a first row without digits above rows that have plain numbers
 * in the same column is a header of labels we do not know ("Foo;Bar" over "12;Zoé").
 */
export function detectCsvHeader(text: string, delimiter: CsvDelimiter): boolean {
	const rows = readCsvRecords(text, { delimiter, maxRecords: sampleLines })
		.filter((record) => !isBlankRecord(record.cells))
		.map((record) => record.cells.map(cellValue));
	const [first, ...rest] = rows;
	if (first === undefined) return false;
	if (first.some(looksLikeData)) return false;
	if (hasKnownLabel(first.map((cell) => cell ?? ""))) return true;
	if (first.some((cell) => cell !== null && /\d/u.test(cell))) return false;
	return first.some((_, column) => rest.some((row) => looksLikeData(row[column] ?? null)));
}

/** Encoding, delimiter and header of a CSV file, guessed from its bytes (see each step above). */
export function detectCsvFormat(bytes: Uint8Array): CsvFormat {
	const { text, encoding } = decodeCsvBytes(bytes);
	const delimiter = detectCsvDelimiter(text);
	return { encoding, delimiter, hasHeader: detectCsvHeader(text, delimiter) };
}
