/**
 * The words of the CSV import shared by detection, preview and parsing. `latin1` is decoded as
 * Windows-1252, its superset: French Excel writes "é" as 0xE9 like Latin-1, but also "€" as
 * 0x80 and "’" as 0x92, which Latin-1 proper would turn into control characters.
 */
export const csvEncodings = ["utf-8", "latin1", "utf-16le", "utf-16be"] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export const csvDelimiters = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

export interface CsvFormat {
	encoding: CsvEncoding;
	delimiter: CsvDelimiter;
	hasHeader: boolean;
}

export const csvFields = ["bib", "firstName", "lastName", "fullName", "email", "category", "club"] as const;
export type CsvField = (typeof csvFields)[number];

/** Column index (0-based) per field; `fullName` is one "First Last" / "LAST First" column to split. */
export type CsvColumnMapping = Partial<Record<CsvField, number>>;
