import { describe, expect, it } from "vitest";
import { suggestColumnMapping } from "./csv-headers.ts";
import { previewCsv } from "./preview-csv.ts";

describe("suggestColumnMapping", () => {
	it("reads French labels, whatever the accents and case", () => {
		expect(
			suggestColumnMapping(["N° Dossard", "NOM", "Prénom", "E-mail", "Catégorie", "Club / Équipe", "Sexe"]),
		).toEqual({ bib: 0, lastName: 1, firstName: 2, email: 3, category: 4, club: 5 });
		expect(
			suggestColumnMapping(["numéro de dossard", "Nom de famille", "prenom", "Courriel", "Equipe"]),
		).toEqual({
			bib: 0,
			lastName: 1,
			firstName: 2,
			email: 3,
			club: 4,
		});
	});

	it("reads English labels", () => {
		expect(
			suggestColumnMapping(["Bib #", "First name", "Last name", "Email address", "Category", "Team"]),
		).toEqual({
			bib: 0,
			firstName: 1,
			lastName: 2,
			email: 3,
			category: 4,
			club: 5,
		});
	});

	it("makes a lone name column a full name to split, and a 'Nom' beside 'Prénom' a last name", () => {
		expect(suggestColumnMapping(["Dossard", "Nom complet", "Club"])).toEqual({
			bib: 0,
			fullName: 1,
			club: 2,
		});
		expect(suggestColumnMapping(["Bib", "Name"])).toEqual({ bib: 0, fullName: 1 });
		expect(suggestColumnMapping(["Bib", "Name", "First name"])).toEqual({
			bib: 0,
			lastName: 1,
			firstName: 2,
		});
		expect(suggestColumnMapping(["Dossard", "Nom Prénom"])).toEqual({ bib: 0, fullName: 1 });
	});

	it("prefers a 'Dossard' column over a generic 'Numéro'", () => {
		expect(suggestColumnMapping(["Numéro", "Dossard", "Nom"])).toEqual({ bib: 1, fullName: 2 });
		expect(suggestColumnMapping(["Numéro", "Nom", "Prénom"])).toEqual({ bib: 0, lastName: 1, firstName: 2 });
	});
});

describe("previewCsv", () => {
	it("shows the first rows as they will be imported, with the detected format", () => {
		const text =
			'\uFEFFDossard;Nom;Prénom;Club;\r\n="0042";ROUX;Élise;"AC Lyon; trail";\r\n\r\n7;Blanc;Marc;;\r\n';
		const preview = previewCsv(Buffer.from(text));
		expect(preview).toEqual({
			format: { encoding: "utf-8", delimiter: ";", hasHeader: true },
			headers: ["Dossard", "Nom", "Prénom", "Club"],
			rows: [
				["0042", "ROUX", "Élise", "AC Lyon; trail"],
				["7", "Blanc", "Marc", ""],
			],
			suggestedMapping: { bib: 0, lastName: 1, firstName: 2, club: 3 },
		});
	});

	it("numbers the columns of a file without a header and guesses bib and email from the values", () => {
		const lines = Array.from({ length: 30 }, (_, i) => `${i + 1}\tRunner ${i}\tr${i}@example.com`).join("\n");
		const preview = previewCsv(Buffer.from(lines));
		expect(preview.format).toEqual({ encoding: "utf-8", delimiter: "\t", hasHeader: false });
		expect(preview.headers).toEqual(["Column 1", "Column 2", "Column 3"]);
		expect(preview.rows).toHaveLength(20);
		expect(preview.rows[0]).toEqual(["1", "Runner 0", "r0@example.com"]);
		expect(preview.suggestedMapping).toEqual({ bib: 0, email: 2 });
	});

	it("follows the user's corrections", () => {
		const preview = previewCsv(Buffer.from("Dossard;Prénom\n12;Zoé\n", "latin1"), {
			hasHeader: false,
			delimiter: ",",
			maxRows: 1,
		});
		expect(preview.format).toEqual({ encoding: "latin1", delimiter: ",", hasHeader: false });
		expect(preview.rows).toEqual([["Dossard;Prénom"]]);
	});
});
