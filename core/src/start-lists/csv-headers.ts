import { type CsvColumnMapping, type CsvField, csvFields } from "./csv-format.ts";

/**
 * Which column holds what, guessed from the header labels organisers actually use, in French
 * and English. Matching is on folded labels: lower case, no accents, punctuation as spaces,
 * so "N° Dossard", "n°dossard" and "NUMÉRO DE DOSSARD" all read "n dossard"-like.
 */
export function foldLabel(label: string): string {
	return (
		label
			// NFKD also turns "º" (ordinal indicator, as in "Nº") into "o".
			.normalize("NFKD")
			.replace(/\p{M}/gu, "")
			.toLowerCase()
			.replace(/[^a-z0-9]+/gu, " ")
			.trim()
	);
}

// Generic "number" labels: a bib only when no column says "dossard"/"bib" (it may be a
// registration number).
const weakBibLabels = new Set(["numero", "num", "no", "n", "nr", "number"]);

// Whole labels, after folding. "nom"/"name" alone are settled in suggestColumnMapping.
const exactLabels: Record<CsvField, readonly string[]> = {
	bib: [
		"dossard",
		"dossards",
		"dos",
		"n dossard",
		"no dossard",
		"num dossard",
		"numero dossard",
		"numero de dossard",
		"dossard n",
		"numero",
		"num",
		"no",
		"n",
		"nr",
		"bib",
		"bib no",
		"bib number",
		"bib num",
		"bib nr",
		"number",
		"race number",
		"start number",
	],
	firstName: ["prenom", "prenoms", "first name", "firstname", "first", "given name", "forename"],
	lastName: ["nom de famille", "last name", "lastname", "last", "surname", "family name"],
	fullName: [
		"nom complet",
		"nom prenom",
		"prenom nom",
		"nom et prenom",
		"prenom et nom",
		"nom et prenoms",
		"full name",
		"fullname",
		"participant",
		"coureur",
		"concurrent",
		"athlete",
		"runner",
	],
	email: [
		"email",
		"e mail",
		"mail",
		"courriel",
		"adresse email",
		"adresse e mail",
		"adresse mail",
		"email address",
	],
	category: ["categorie", "category", "cat", "categ", "age group", "division", "categorie d age"],
	club: [
		"club",
		"team",
		"equipe",
		"association",
		"asso",
		"club equipe",
		"team name",
		"nom du club",
		"nom d equipe",
	],
};

// Labels with extra words ("Prénom du coureur", "Club / Association"): a distinctive word decides.
// Order matters: "Nom Prénom" must be a full name before "prenom" makes it a first name.
const wordRules: ReadonlyArray<{ field: CsvField; test: (words: readonly string[]) => boolean }> = [
	{
		field: "fullName",
		test: (w) =>
			(w.includes("nom") && w.includes("prenom")) ||
			w.includes("complet") ||
			(w.includes("full") && w.includes("name")),
	},
	{ field: "firstName", test: (w) => w.includes("prenom") || (w.includes("first") && w.includes("name")) },
	{
		field: "lastName",
		test: (w) =>
			(w.includes("nom") && w.includes("famille")) ||
			w.includes("surname") ||
			(w.includes("last") && w.includes("name")),
	},
	{ field: "bib", test: (w) => w.includes("dossard") || w.includes("bib") },
	{ field: "email", test: (w) => w.includes("email") || w.includes("mail") || w.includes("courriel") },
	{ field: "category", test: (w) => w.includes("categorie") || w.includes("category") },
	{ field: "club", test: (w) => w.includes("club") || w.includes("team") || w.includes("equipe") },
];

/** The field a header label names, or undefined. Bare "nom"/"name" come back as `lastName`. */
export function fieldOfLabel(label: string): CsvField | undefined {
	const folded = foldLabel(label);
	if (folded === "") return undefined;
	if (folded === "nom" || folded === "name" || folded === "noms") return "lastName";
	for (const field of csvFields) if (exactLabels[field].includes(folded)) return field;
	const words = folded.split(" ");
	return wordRules.find((rule) => rule.test(words))?.field;
}

/**
 * One column per field, the first matching column winning. A lone "Nom"/"Name" is a last name
 * when the file also has a first-name column, and otherwise a full name to split, which is how
 * such files are made ("Nom" + "Prénom" in French exports, a single "Name" in English ones).
 * When a file has both a full-name column and separate first/last ones, the separate ones win;
 * a "Dossard"/"Bib" column wins over a generic "Numéro".
 */
export function suggestColumnMapping(headers: readonly string[]): CsvColumnMapping {
	const mapping: CsvColumnMapping = {};
	const bareName: number[] = [];
	let weakBib: number | undefined;
	headers.forEach((header, index) => {
		const folded = foldLabel(header);
		const field = fieldOfLabel(header);
		if (field === undefined) return;
		if (folded === "nom" || folded === "name" || folded === "noms") {
			bareName.push(index);
			return;
		}
		if (field === "bib" && weakBibLabels.has(folded)) {
			weakBib ??= index;
			return;
		}
		if (mapping[field] === undefined) mapping[field] = index;
	});
	if (weakBib !== undefined) mapping.bib ??= weakBib;
	const bare = bareName[0];
	if (bare !== undefined) {
		if (mapping.firstName !== undefined) mapping.lastName ??= bare;
		else mapping.fullName ??= bare;
	}
	if (mapping.firstName !== undefined || mapping.lastName !== undefined) delete mapping.fullName;
	return mapping;
}

/** Whether a header row is more than a first data row: at least one label we recognise. */
export function hasKnownLabel(cells: readonly string[]): boolean {
	return cells.some((cell) => fieldOfLabel(cell) !== undefined);
}
