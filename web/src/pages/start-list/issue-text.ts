import type { Translate } from "../../i18n/index.tsx";
import type { CsvImportIssue } from "../../lib/pro/pro-types.ts";

/** A skipped or changed line in the pro's language, from its stable code (the server's sentence is English). */
export function issueText(issue: Pick<CsvImportIssue, "code">, t: Translate): string {
	return t(`startList.issues.${issue.code}`);
}
