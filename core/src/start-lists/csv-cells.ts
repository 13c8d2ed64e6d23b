import { cleanText } from "./check-entry.ts";

/**
 * Excel keeps leading zeros only when a cell is forced to text with a formula: exports then
 * contain `="0042"` (or `"=""0042"""` once quoted). The formula is unwrapped so the bib stays
 * "0042" as printed.
 */
export function unwrapExcelText(cell: string): string {
	const match = /^\s*="(.*)"\s*$/su.exec(cell);
	return match?.[1] === undefined ? cell : match[1].replaceAll('""', '"');
}

/** A cell as shown and imported: Excel formula unwrapped, blanks trimmed, empty → null. */
export function cellValue(cell: string | undefined): string | null {
	return cell === undefined ? null : cleanText(unwrapExcelText(cell));
}

export function isBlankRecord(cells: readonly string[]): boolean {
	return cells.every((cell) => cellValue(cell) === null);
}
