/**
 * One runner as read from a file or a registration platform, before it is stored in
 * `start_list_entries`. The bib is text and is never converted: "0042" and "42" are two bibs.
 */
export interface StartListEntryInput {
	bib: string;
	firstName: string | null;
	lastName: string | null;
	email: string | null;
	category: string | null;
	club: string | null;
}

/** Longer than any printed bib; a longer value is a misplaced column (a phone number, a name). */
export const maxBibLength = 12;

/**
 * Why a row was skipped or changed. Stable codes: the web translates them; `message`/`reason`
 * carry an English sentence for logs and for callers without translations.
 */
export const startListIssueCodes = [
	"missing_bib",
	"bib_too_long",
	"duplicate_bib",
	"invalid_email",
	"column_count",
	"unclosed_quote",
	"not_an_object",
] as const;
export type StartListIssueCode = (typeof startListIssueCodes)[number];

export interface StartListIssue {
	code: StartListIssueCode;
	message: string;
	/** `error`: the row was skipped. `warning`: the row was kept, the message says what changed. */
	severity: "error" | "warning";
}
