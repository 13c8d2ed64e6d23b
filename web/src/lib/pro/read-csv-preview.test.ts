import { describe, expect, it } from "vitest";
import { readCsvPreview } from "./read-csv-preview.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readCsvPreview", () => {
	it("reads a semicolon file with a header and accents", () => {
		const table = readCsvPreview(utf8("\uFEFFDossard;Prénom;Nom\n12;Zoé;Lefèvre\n13;Hélène;Durand\n"), {
			encoding: "utf-8",
			delimiter: ";",
			hasHeader: true,
		});
		expect(table.headers).toEqual(["Dossard", "Prénom", "Nom"]);
		expect(table.rows).toEqual([
			["12", "Zoé", "Lefèvre"],
			["13", "Hélène", "Durand"],
		]);
	});

	it('honours quotes, Excel\'s ="…" cells, blank lines and a missing header', () => {
		const table = readCsvPreview(utf8('="0042","Durand, Camille"\r\n\r\n7,"Say ""hi""\nthere"'), {
			encoding: "utf-8",
			delimiter: ",",
			hasHeader: false,
		});
		expect(table.headers).toEqual([]);
		expect(table.rows).toEqual([
			["0042", "Durand, Camille"],
			["7", 'Say "hi"\nthere'],
		]);
	});

	it("decodes Latin-1 (Windows-1252) files as French Excel writes them", () => {
		const bytes = new Uint8Array([0x5a, 0x6f, 0xe9, 0x3b, 0x80]); // "Zoé;€"
		const table = readCsvPreview(bytes, { encoding: "latin1", delimiter: ";", hasHeader: false });
		expect(table.rows).toEqual([["Zoé", "€"]]);
	});

	it("stops after the rows asked for and pads short rows", () => {
		const table = readCsvPreview(
			utf8("a;b;c\n1\n2;x\n3\n4\n"),
			{ encoding: "utf-8", delimiter: ";", hasHeader: true },
			2,
		);
		expect(table.rows).toEqual([
			["1", "", ""],
			["2", "x", ""],
		]);
	});
});
