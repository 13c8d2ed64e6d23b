/** "2 déc. 2026, 22:58": a deadline to the minute (link expiry), in the visitor's zone. */
export function formatDayTime(iso: string, locale: string): string {
	const parsed = new Date(iso);
	if (Number.isNaN(parsed.getTime())) return iso;
	return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(parsed);
}
