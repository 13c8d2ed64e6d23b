import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./decode-csv-bytes.ts";
import { detectCsvFormat } from "./detect-csv-format.ts";

const utf16 = (text: string, endian: "le" | "be") => {
	const le = Buffer.from(text, "utf16le");
	if (endian === "be") le.swap16();
	return Buffer.concat([Buffer.from(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
};

describe("encoding", () => {
	it("reads UTF-8 with or without a BOM, and drops the BOM", () => {
		const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Dossard;Prénom\n12;Zoé\n")]);
		expect(decodeCsvBytes(withBom)).toEqual({ text: "Dossard;Prénom\n12;Zoé\n", encoding: "utf-8" });
		expect(decodeCsvBytes(Buffer.from("Bib,Name\n1,Ann\n")).encoding).toBe("utf-8");
	});

	it("takes bytes that are not UTF-8 as Windows-1252, as French Excel writes them", () => {
		const bytes = Buffer.from("Dossard;Prénom\n12;Zoé\n", "latin1");
		expect(decodeCsvBytes(bytes)).toEqual({ text: "Dossard;Prénom\n12;Zoé\n", encoding: "latin1" });
		// 0x92 is Excel's apostrophe, 0x80 the euro sign: Windows-1252, not control characters.
		expect(decodeCsvBytes(Buffer.from([0x4f, 0x92, 0x4e, 0x65, 0x69, 0x6c, 0x20, 0x80])).text).toBe(
			"O’Neil €",
		);
	});

	it("decodes UTF-16 files by their BOM", () => {
		expect(decodeCsvBytes(utf16("Dossard\tNom\n1\tÉmile\n", "le"))).toEqual({
			text: "Dossard\tNom\n1\tÉmile\n",
			encoding: "utf-16le",
		});
		expect(decodeCsvBytes(utf16("Bib;Nom\n", "be")).text).toBe("Bib;Nom\n");
	});
});

describe("detectCsvFormat", () => {
	it("finds semicolons, commas, tabs and pipes", () => {
		expect(detectCsvFormat(Buffer.from("Dossard;Nom;Prénom\n1;Roux;Élise\n2;Blanc;Marc\n")).delimiter).toBe(
			";",
		);
		expect(detectCsvFormat(Buffer.from("Bib,Last name,First name\n1,Smith,Ann\n")).delimiter).toBe(",");
		expect(detectCsvFormat(Buffer.from("Bib\tName\n1\tAnn Lee\n2\tBo\n")).delimiter).toBe("\t");
		expect(detectCsvFormat(Buffer.from("bib|name\n1|Ann\n2|Bo\n")).delimiter).toBe("|");
	});

	it("ignores delimiters inside quotes and stray ones inside values", () => {
		const text =
			'Dossard;Nom;Club\n1;Roux;"AC Lyon; section trail"\n2;"Blanc, Marc";ASPTT\n3;Noir;Club, 2e\n';
		expect(detectCsvFormat(Buffer.from(text)).delimiter).toBe(";");
	});

	it("prefers the delimiter with the steady count over decimal commas", () => {
		const text = "Dossard;Nom;Temps\n1;Roux;3,5\n2;Blanc;4,25\n3;Noir;5\n";
		expect(detectCsvFormat(Buffer.from(text)).delimiter).toBe(";");
	});

	it("tells a header from a first runner", () => {
		expect(detectCsvFormat(Buffer.from("Dossard;Prénom\n12;Zoé\n")).hasHeader).toBe(true);
		expect(detectCsvFormat(Buffer.from("N° dossard;NOM;Catégorie\n0042;Roux;SEF\n")).hasHeader).toBe(true);
		expect(detectCsvFormat(Buffer.from("12;Zoé;Martin\n13;Léa;Petit\n")).hasHeader).toBe(false);
		expect(
			detectCsvFormat(Buffer.from("Roux;Élise;roux@example.fr\nBlanc;Marc;marc@example.fr\n")).hasHeader,
		).toBe(false);
		// Unknown labels above numbers are still labels.
		expect(detectCsvFormat(Buffer.from("Foo;Bar\n12;Zoé\n")).hasHeader).toBe(true);
	});

	it("handles a Latin-1 file end to end", () => {
		expect(detectCsvFormat(Buffer.from("Dossard;Prénom\n12;Zoé\n", "latin1"))).toEqual({
			encoding: "latin1",
			delimiter: ";",
			hasHeader: true,
		});
	});
});
