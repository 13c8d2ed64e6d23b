import { cleanText } from "./check-entry.ts";

export interface SplitName {
	firstName: string | null;
	lastName: string | null;
}

// A word written all in capitals ("DUPONT", "LE GOFF", "N'DIAYE"): at least two letters, none lower case.
function isUpperWord(word: string): boolean {
	const letters = word.replace(/[^\p{L}]/gu, "");
	return (
		letters.length >= 2 && letters === letters.toLocaleUpperCase("fr") && letters !== letters.toLowerCase()
	);
}

/**
 * One "name" cell into first and last name, by the conventions start lists follow:
 * 1. "Dupont, Jean" (a comma): last name first.
 * 2. French lists write the last name in capitals, before or after ("DUPONT Jean-Pierre",
 *    "Marie LE GOFF"): the capitalised words are the last name, the others the first name.
 * 3. Otherwise "First Last": the first word is the first name, the rest the last name, so
 *    compound last names stay whole ("Jan van der Berg"). Compound first names without a
 *    hyphen ("Marie Claire Dupont") are the case this cannot get right.
 * A single word is a last name: that is what an organiser searches by.
 */
export function splitFullName(value: string | null | undefined): SplitName {
	const cleaned = cleanText(value);
	if (cleaned === null) return { firstName: null, lastName: null };

	const comma = cleaned.indexOf(",");
	if (comma >= 0) {
		const last = cleanText(cleaned.slice(0, comma));
		const first = cleanText(cleaned.slice(comma + 1));
		if (last !== null) return { firstName: first, lastName: last };
	}

	const words = cleaned.replaceAll(",", " ").split(" ").filter(Boolean);
	if (words.length === 1) return { firstName: null, lastName: words[0] ?? null };

	const upper = words.filter(isUpperWord);
	// All capitals ("JEAN DUPONT") says nothing about the order: fall through to rule 3.
	if (upper.length > 0 && upper.length < words.length) {
		return {
			firstName: words.filter((word) => !isUpperWord(word)).join(" "),
			lastName: upper.join(" "),
		};
	}
	return { firstName: words[0] ?? null, lastName: words.slice(1).join(" ") };
}
