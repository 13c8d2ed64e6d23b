import type { CsvDelimiter, CsvEncoding } from "./pro-types.ts";

/** The WHATWG decoder of each encoding the server reads ("latin1" is read as Windows-1252 there too). */
const decoderLabels: Record<CsvEncoding, string> = {
	"utf-8": "utf-8",
	latin1: "windows-1252",
	"utf-16le": "utf-16le",
	"utf-16be": "utf-16be",
};

export interface CsvPreviewTable {
	/** The header's labels (null past its end or when blank), or none without a header. */
	headers: (string | null)[];
	rows: string[][];
	width: number;
}

/** Cells as the import reads them: trimmed, Excel's `="0042"` unwrapped. */
function cellValue(raw: string): string {
	const trimmed = raw.trim();
	const excel = /^="(.*)"$/s.exec(trimmed);
	return (excel?.[1] ?? trimmed).trim();
}

/** Records of a CSV text, quotes honoured (a quoted cell may hold the delimiter or a line break). */
function readRecords(text: string, delimiter: string, maxRecords: number): string[][] {
	const records: string[][] = [];
	let cells: string[] = [];
	let cell = "";
	let quoted = false;
	const endRecord = () => {
		cells.push(cell);
		if (cells.some((c) => c.trim() !== "")) records.push(cells);
		cells = [];
		cell = "";
	};
	for (let i = 0; i < text.length && records.length < maxRecords; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"' && cell.trim() === "") quoted = true;
		else if (char === delimiter) {
			cells.push(cell);
			cell = "";
		} else if (char === "\n" || char === "\r") {
			if (char === "\r" && text[i + 1] === "\n") i++;
			endRecord();
		} else cell += char;
	}
	if (records.length < maxRecords && (cell !== "" || cells.length > 0)) endRecord();
	return records;
}

/**
 * The first rows of a CSV file as they read with the format the pro chose. The server detects
 * the format and suggests columns (`startLists.previewCsv`); when the pro corrects the encoding,
 * the delimiter or the header, the table is read again here, without another upload.
 */
export function readCsvPreview(
	bytes: Uint8Array,
	format: { encoding: CsvEncoding; delimiter: CsvDelimiter; hasHeader: boolean },
	maxRows = 8,
): CsvPreviewTable {
	const text = new TextDecoder(decoderLabels[format.encoding]).decode(bytes).replace(/^\uFEFF/, "");
	const records = readRecords(text, format.delimiter, maxRows + 1).map((r) => r.map(cellValue));
	const header = format.hasHeader ? (records[0] ?? []) : [];
	const rows = (format.hasHeader ? records.slice(1) : records).slice(0, maxRows);
	const lastFilled = (cells: readonly string[]) => cells.findLastIndex((c) => c !== "") + 1;
	const width = Math.max(0, lastFilled(header), ...rows.map(lastFilled));
	return {
		headers: Array.from({ length: format.hasHeader ? width : 0 }, (_, i) => header[i] || null),
		rows: rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? "")),
		width,
	};
}
