import { describe, expect, it } from "vitest";
import { readCsvRecords } from "./read-csv-records.ts";

const read = (text: string, delimiter = ";") => readCsvRecords(text, { delimiter });

describe("readCsvRecords", () => {
	it("splits lines ending in LF, CRLF or CR, keeping each record's line", () => {
		expect(read("a;b\r\nc;d\ne;f\rg;h")).toEqual([
			{ line: 1, cells: ["a", "b"] },
			{ line: 2, cells: ["c", "d"] },
			{ line: 3, cells: ["e", "f"] },
			{ line: 4, cells: ["g", "h"] },
		]);
	});

	it("reads quoted delimiters, newlines and doubled quotes, and counts the lines they span", () => {
		const records = read('1;"Dupont; Jean";"Club ""Les Fous""\r\ndu Nord"\n2; "Roux" ;x\n');
		expect(records).toEqual([
			{ line: 1, cells: ["1", "Dupont; Jean", 'Club "Les Fous"\ndu Nord'] },
			{ line: 3, cells: ["2", "Roux", "x"] },
		]);
	});

	it("keeps quotes inside unquoted cells and empty cells from trailing delimiters", () => {
		expect(read('5\'10";O"Neil;\n')).toEqual([{ line: 1, cells: ["5'10\"", 'O"Neil', ""] }]);
		expect(read("a;")).toEqual([{ line: 1, cells: ["a", ""] }]);
	});

	it("reads a quote that never closes as a plain character instead of swallowing the file", () => {
		expect(read('1;"Jo;x\n2;Léa;y\n')).toEqual([
			{ line: 1, cells: ["1", '"Jo', "x"], unclosedQuote: true },
			{ line: 2, cells: ["2", "Léa", "y"] },
		]);
	});

	it("keeps blank lines as records for the caller to skip", () => {
		expect(read("a\n\nb\n").map((r) => r.cells)).toEqual([["a"], [""], ["b"]]);
	});
});
