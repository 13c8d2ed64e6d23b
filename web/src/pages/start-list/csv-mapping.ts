import type { CsvField, CsvMapping } from "../../lib/pro/pro-types.ts";

/** The start-list fields a column can be, in the order the select lists them. */
export const csvFields: readonly CsvField[] = [
	"bib",
	"firstName",
	"lastName",
	"fullName",
	"email",
	"category",
	"club",
];

/** The mapping being chosen: the bib may be missing until the pro picks its column. */
export type DraftMapping = Partial<Record<CsvField, number>>;

/** The field a column is mapped to, if any. */
export function fieldOfColumn(mapping: DraftMapping, column: number): CsvField | undefined {
	return csvFields.find((field) => mapping[field] === column);
}

/**
 * Maps `column` to `field` (or to nothing): a field sits in one column at most and a column
 * holds one field, so whatever was there before lets go.
 */
export function assignColumn(
	mapping: DraftMapping,
	column: number,
	field: CsvField | undefined,
): DraftMapping {
	const next: DraftMapping = {};
	for (const key of csvFields) {
		const at = mapping[key];
		if (at !== undefined && at !== column && key !== field) next[key] = at;
	}
	if (field) next[field] = column;
	return next;
}

/** Drops columns past the table's width (after the delimiter changed). */
export function clampMapping(mapping: DraftMapping, width: number): DraftMapping {
	const next: DraftMapping = {};
	for (const key of csvFields) {
		const at = mapping[key];
		if (at !== undefined && at < width) next[key] = at;
	}
	return next;
}

/** The mapping the import takes, once the bib's column is known. */
export function completeMapping(mapping: DraftMapping): CsvMapping | undefined {
	const { bib, ...rest } = mapping;
	return bib === undefined ? undefined : { bib, ...rest };
}
