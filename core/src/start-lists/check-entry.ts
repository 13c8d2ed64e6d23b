import { maxBibLength, type StartListEntryInput, type StartListIssue } from "./start-list-entry.ts";

/**
 * Trimmed text, or null when empty. Excel and web exports pad with non-breaking spaces, and
 * runs of spaces inside names come from hand-typed lists: both are collapsed to one space.
 */
export function cleanText(value: string | null | undefined): string | null {
	if (value === null || value === undefined) return null;
	const cleaned = value.replace(/[\s\u00a0\u202f]+/gu, " ").trim();
	return cleaned === "" ? null : cleaned;
}

// Deliberately loose (one @, a dot in the domain, no spaces): it catches misplaced columns
// and typos without refusing the odd-but-valid addresses a stricter pattern would.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/u;

export function looksLikeEmail(value: string): boolean {
	return emailPattern.test(value);
}

/** The raw text of each field of one row, before checks. */
export interface RawStartListFields {
	bib: string | null;
	firstName: string | null;
	lastName: string | null;
	email: string | null;
	category: string | null;
	club: string | null;
}

export type CheckedEntry =
	| { ok: true; entry: StartListEntryInput; warnings: StartListIssue[] }
	| { ok: false; issue: StartListIssue };

/**
 * The checks CSV files and connectors share: a bib is required and short, a malformed email
 * is dropped (the runner stays in the list, only the email is lost), a bib seen before is
 * refused. `seen` maps each accepted bib to where it was found, in the caller's words
 * ("on line 3", "for registration 3"), and `here` says where this one is, in the same words.
 */
export function checkEntry(raw: RawStartListFields, seen: Map<string, string>, here: string): CheckedEntry {
	// Only the ends are trimmed: the inside of a bib is kept exactly as the platform wrote it.
	const bib = raw.bib?.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/gu, "") ?? "";
	if (bib === "") {
		return {
			ok: false,
			issue: { code: "missing_bib", severity: "error", message: "No bib number: skipped." },
		};
	}
	if (bib.length > maxBibLength) {
		return {
			ok: false,
			issue: {
				code: "bib_too_long",
				severity: "error",
				message: `The bib "${bib}" is longer than ${maxBibLength} characters (a column mix-up?): skipped.`,
			},
		};
	}
	const first = seen.get(bib);
	if (first !== undefined) {
		return {
			ok: false,
			issue: {
				code: "duplicate_bib",
				severity: "error",
				message: `Bib ${bib} was already given ${first}: this one is skipped.`,
			},
		};
	}
	seen.set(bib, here);

	const warnings: StartListIssue[] = [];
	let email = cleanText(raw.email);
	if (email !== null && !looksLikeEmail(email)) {
		warnings.push({
			code: "invalid_email",
			severity: "warning",
			message: `"${email}" is not a valid email address: the runner is kept without an email.`,
		});
		email = null;
	}
	return {
		ok: true,
		entry: {
			bib,
			firstName: cleanText(raw.firstName),
			lastName: cleanText(raw.lastName),
			email,
			category: cleanText(raw.category),
			club: cleanText(raw.club),
		},
		warnings,
	};
}
