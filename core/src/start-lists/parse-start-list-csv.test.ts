import { describe, expect, it } from "vitest";
import { parseStartListCsv } from "./parse-start-list-csv.ts";

const frMapping = { bib: 0, lastName: 1, firstName: 2, email: 3, category: 4, club: 5 };
const person = (line: number, bib: string, fields: Partial<Record<string, string | null>> = {}) => ({
	line,
	bib,
	firstName: null,
	lastName: null,
	email: null,
	category: null,
	club: null,
	...fields,
});

describe("parseStartListCsv", () => {
	it("reads a messy French Excel export: BOM, CRLF, quotes, Excel text bibs, blank lines", () => {
		const text = [
			"\uFEFFDossard;Nom;Prénom;Email;Catégorie;Club",
			'="0042";ROUX;Élise;elise@example.fr;SEF;"AC Lyon; section ""trail"""',
			"",
			'"=""0007""";  Blanc ;Marc;;V1H;',
			";;;;;",
			'12;"Le Goff";"Anne',
			'Marie";anne@example.fr;ESF;"Club',
			'du Nord"',
			"",
		].join("\r\n");
		const result = parseStartListCsv(Buffer.from(text), { mapping: frMapping, hasHeader: true });
		expect(result.errors).toEqual([]);
		expect(result.entries).toEqual([
			person(2, "0042", {
				lastName: "ROUX",
				firstName: "Élise",
				email: "elise@example.fr",
				category: "SEF",
				club: 'AC Lyon; section "trail"',
			}),
			person(4, "0007", { lastName: "Blanc", firstName: "Marc", category: "V1H" }),
			// A newline inside a quoted name becomes a space; the line is where the record starts.
			person(6, "12", {
				lastName: "Le Goff",
				firstName: "Anne Marie",
				email: "anne@example.fr",
				category: "ESF",
				club: "Club du Nord",
			}),
		]);
	});

	it("reads Latin-1 bytes", () => {
		const result = parseStartListCsv(Buffer.from("Dossard;Prénom\n12;Zoé\n", "latin1"), {
			mapping: { bib: 0, firstName: 1 },
			hasHeader: true,
		});
		expect(result.entries).toEqual([person(2, "12", { firstName: "Zoé" })]);
	});

	it("reads a UTF-16 tab-separated export (Excel's Unicode text)", () => {
		const body = Buffer.from("Dossard\tNom\n0100\tÉmile Zola\n", "utf16le");
		const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), body]);
		const result = parseStartListCsv(bytes, { mapping: { bib: 0, fullName: 1 }, hasHeader: true });
		expect(result.entries).toEqual([person(2, "0100", { firstName: "Émile", lastName: "Zola" })]);
	});

	it("keeps bibs as text exactly: 0042 and 42 are two runners", () => {
		const result = parseStartListCsv(Buffer.from("0042,Ann\n42,Bob\nA-12,Cid\n"), {
			mapping: { bib: 0, firstName: 1 },
			hasHeader: false,
		});
		expect(result.entries.map((e) => e.bib)).toEqual(["0042", "42", "A-12"]);
		expect(result.errors).toEqual([]);
	});

	it("reports missing, too long and duplicate bibs line by line, keeping the first of a duplicate", () => {
		const text = [
			"Dossard;Nom;Prénom",
			"1;Roux;Élise",
			";Blanc;Marc",
			"0612345678901;Noir;Paul",
			"1;Vert;Léa",
			"2;Bleu;Jo",
		].join("\n");
		const result = parseStartListCsv(Buffer.from(text), {
			mapping: { bib: 0, lastName: 1, firstName: 2 },
			hasHeader: true,
		});
		expect(result.entries.map((e) => [e.line, e.bib, e.lastName])).toEqual([
			[2, "1", "Roux"],
			[6, "2", "Bleu"],
		]);
		expect(result.errors).toEqual([
			{ line: 3, code: "missing_bib", severity: "error", message: "No bib number: skipped." },
			{
				line: 4,
				code: "bib_too_long",
				severity: "error",
				message: 'The bib "0612345678901" is longer than 12 characters (a column mix-up?): skipped.',
			},
			{
				line: 5,
				code: "duplicate_bib",
				severity: "error",
				message: "Bib 1 was already given on line 2: this one is skipped.",
			},
		]);
	});

	it("keeps a runner with a malformed email, without the email, and says so", () => {
		const result = parseStartListCsv(Buffer.from("Bib,Email\n5,jean.dupont@gmail\n6, ok@example.com \n"), {
			mapping: { bib: 0, email: 1 },
			hasHeader: true,
		});
		expect(result.entries).toEqual([person(2, "5"), person(3, "6", { email: "ok@example.com" })]);
		expect(result.errors).toEqual([
			{
				line: 2,
				code: "invalid_email",
				severity: "warning",
				message: '"jean.dupont@gmail" is not a valid email address: the runner is kept without an email.',
			},
		]);
	});

	it("skips lines with the wrong number of columns and says why", () => {
		const text = [
			"Dossard;Nom;Prénom;Club",
			"1;Roux;Élise;ASPTT",
			"2;Blanc; Marc;Jr;AC Nord",
			"3;Noir;Paul",
			"4;Vert;Léa;;",
		].join("\n");
		const result = parseStartListCsv(Buffer.from(text), {
			mapping: { bib: 0, lastName: 1, firstName: 2, club: 3 },
			hasHeader: true,
		});
		expect(result.entries.map((e) => e.bib)).toEqual(["1", "4"]);
		expect(result.errors).toEqual([
			{
				line: 3,
				code: "column_count",
				severity: "error",
				message:
					"This line has 5 columns where the header has 4: a value probably contains a semicolon (;) without quotes around it. Line skipped.",
			},
			{
				line: 4,
				code: "column_count",
				severity: "error",
				message:
					"This line has 3 columns where the header has 4: a cell or a delimiter is missing. Line skipped.",
			},
		]);
	});

	it("accepts trailing delimiters on some lines only, with or without a header", () => {
		const withHeader = parseStartListCsv(Buffer.from("Bib,Name,\n1,Ann,\n2,Bob\n3,Cid,,\n"), {
			mapping: { bib: 0, lastName: 1 },
			hasHeader: true,
		});
		expect(withHeader.errors).toEqual([]);
		expect(withHeader.entries.map((e) => e.lastName)).toEqual(["Ann", "Bob", "Cid"]);

		const without = parseStartListCsv(Buffer.from("1;Ann;\n2;Bob;\n3;Cid\n"), {
			mapping: { bib: 0, lastName: 1 },
			hasHeader: false,
		});
		expect(without.errors).toEqual([]);
		expect(without.entries.map((e) => [e.line, e.bib])).toEqual([
			[1, "1"],
			[2, "2"],
			[3, "3"],
		]);
	});

	it("splits a full-name column only where first and last names have no column of their own", () => {
		const text = "Bib|Runner|Team\n1|DUPONT Jean|Alpha\n2|Ann Lee|\n";
		const result = parseStartListCsv(Buffer.from(text), {
			mapping: { bib: 0, fullName: 1, club: 2 },
			hasHeader: true,
		});
		expect(result.entries).toEqual([
			person(2, "1", { firstName: "Jean", lastName: "DUPONT", club: "Alpha" }),
			person(3, "2", { firstName: "Ann", lastName: "Lee" }),
		]);
	});

	it("recovers from a quote that never closes", () => {
		const text = 'Dossard;Nom\n1;"Roux\n2;Blanc\n';
		const result = parseStartListCsv(Buffer.from(text), {
			mapping: { bib: 0, lastName: 1 },
			hasHeader: true,
		});
		expect(result.entries.map((e) => [e.bib, e.lastName])).toEqual([
			["1", '"Roux'],
			["2", "Blanc"],
		]);
		expect(result.errors).toMatchObject([{ line: 2, code: "unclosed_quote", severity: "warning" }]);
	});

	it("takes the delimiter and encoding it is told", () => {
		const bytes = Buffer.from("1;Zoé\n", "latin1");
		const result = parseStartListCsv(bytes, {
			mapping: { bib: 0, firstName: 1 },
			hasHeader: false,
			delimiter: ";",
			encoding: "latin1",
		});
		expect(result.entries).toEqual([person(1, "1", { firstName: "Zoé" })]);
	});

	it("refuses a mapping that is not column indexes", () => {
		expect(() => parseStartListCsv(Buffer.from("1\n"), { mapping: { bib: -1 }, hasHeader: false })).toThrow(
			RangeError,
		);
	});
});
