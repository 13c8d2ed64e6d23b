/** Locale-aware formatting shared by pages (`intlLocale` from useI18n). */

/** "1,2 Go" / "850 kB": decimal units, as file managers show them. */
export function formatBytes(bytes: number, locale: string): string {
	const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return new Intl.NumberFormat(locale, {
		style: "unit",
		unit: units[unit],
		unitDisplay: "short",
		maximumFractionDigits: value < 10 && unit > 1 ? 1 : 0,
	}).format(value);
}

/** An event's calendar date ("2026-10-18", no time zone) as the visitor reads dates. */
export function formatEventDate(date: string, locale: string): string {
	const parsed = new Date(`${date}T00:00:00Z`);
	if (Number.isNaN(parsed.getTime())) return date;
	return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(parsed);
}

/**
 * A moment stored by the server. `wallClock`: an EXIF time kept as if it were UTC (cameras
 * record no zone), shown as is rather than shifted into the visitor's zone.
 */
export function formatDateTime(iso: string, locale: string, options: { wallClock?: boolean } = {}): string {
	const parsed = new Date(iso);
	if (Number.isNaN(parsed.getTime())) return iso;
	return new Intl.DateTimeFormat(locale, {
		dateStyle: "medium",
		timeStyle: "medium",
		...(options.wallClock ? { timeZone: "UTC" } : {}),
	}).format(parsed);
}
