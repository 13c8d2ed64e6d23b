/**
 * Splits CSV text into records. ARCHITECTURE §10 names `csv-parse` for this, but it is not
 * installed in this tree (and we install nothing from here), so this is a small reader with
 * the same rules as csv-parse's `relax_quotes` + `relax_column_count`: RFC 4180 quotes
 * (delimiters, newlines and doubled `""` inside), CRLF / LF / CR line ends, rows of any length.
 * It also does what start lists need and csv-parse does not: it keeps the line each record
 * starts on (people fix files by line number) and recovers from a quote that is never closed.
 * Swapping in csv-parse later means reproducing `line` from its `info.lines`.
 */
export interface CsvRecord {
	/** 1-based line of the file where the record starts (a quoted newline makes it span more). */
	line: number;
	/** Raw cells: unquoted, not trimmed. */
	cells: string[];
	/** Set when a quote opened in this record was never closed and was read as a plain character. */
	unclosedQuote?: boolean;
}

export interface ReadCsvOptions {
	delimiter: string;
	/** Stop after this many records (detection and preview only look at the top of the file). */
	maxRecords?: number;
}

const quote = '"';

export function readCsvRecords(text: string, options: ReadCsvOptions): CsvRecord[] {
	const { delimiter } = options;
	const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
	const records: CsvRecord[] = [];
	// Quotes that turned out never to close: read again as plain characters.
	const literalQuotes = new Set<number>();

	let i = 0;
	let line = 1;
	let cells: string[] = [];
	let recordLine = 1;
	let unclosed = false;

	const endRecord = () => {
		records.push(unclosed ? { line: recordLine, cells, unclosedQuote: true } : { line: recordLine, cells });
		cells = [];
		unclosed = false;
	};

	while (i < text.length && records.length < maxRecords) {
		if (cells.length === 0) recordLine = line;
		const fieldStart = i;
		const lineAtFieldStart = line;

		// A quoted field may be preceded by spaces ("12; "Dupont; Jean""): they are not data.
		let j = i;
		while (j < text.length && (text[j] === " " || (text[j] === "\t" && delimiter !== "\t"))) j++;

		let value = "";
		if (text[j] === quote && !literalQuotes.has(j)) {
			const opening = j;
			j++;
			let closed = false;
			while (j < text.length) {
				const char = text[j];
				if (char === quote) {
					if (text[j + 1] === quote) {
						value += quote;
						j += 2;
						continue;
					}
					closed = true;
					j++;
					break;
				}
				if (char === "\r" || char === "\n") {
					line++;
					if (char === "\r" && text[j + 1] === "\n") {
						value += "\n";
						j += 2;
						continue;
					}
					value += "\n";
					j++;
					continue;
				}
				value += char;
				j++;
			}
			if (!closed) {
				// Reading to the end of the file would swallow every later row into one cell:
				// take this quote as a plain character and read the field again.
				literalQuotes.add(opening);
				unclosed = true;
				i = fieldStart;
				line = lineAtFieldStart;
				continue;
			}
			// Text after the closing quote (`"Dupont" Jean`) is kept, as csv-parse's relax_quotes
			// does; mere spaces before the next delimiter are padding.
			let rest = "";
			while (j < text.length && text[j] !== delimiter && text[j] !== "\r" && text[j] !== "\n") {
				rest += text[j];
				j++;
			}
			if (rest.trim() !== "") value += rest;
		} else {
			j = i;
			while (j < text.length && text[j] !== delimiter && text[j] !== "\r" && text[j] !== "\n") {
				value += text[j];
				j++;
			}
		}
		cells.push(value);

		if (j >= text.length) {
			i = j;
			endRecord();
			break;
		}
		if (text[j] === delimiter) {
			i = j + 1;
			// A delimiter right before the end of the file still announces an empty last cell.
			if (i >= text.length) {
				cells.push("");
				endRecord();
			}
			continue;
		}
		// A line end.
		i = text[j] === "\r" && text[j + 1] === "\n" ? j + 2 : j + 1;
		line++;
		endRecord();
	}
	return records;
}
