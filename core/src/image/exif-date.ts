/**
 * The EXIF date rule, shared by the server (exif.ts, from sharp's metadata) and the browser's
 * uploader (web/src/lib/upload/exif-date.ts, from the file's bytes before it is shrunk): both
 * must read the same capture time from the same photo. No imports, so the web bundles it alone
 * (`@focus-racer/core/exif-date`).
 *
 * EXIF has no time zone unless OffsetTimeOriginal says one: the wall-clock time is read as UTC,
 * the same for every photo of a camera, so photos sort in shooting order.
 */
/** "2025:05:18 09:12:33" (+ sub-seconds "42" = .42 s, + offset "+02:00") → Date, or null. */
export function parseExifDate(value: unknown, subSec?: unknown, offset?: unknown): Date | null {
	if (typeof value !== "string") return null;
	const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
	if (!m) return null;
	const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number,
	];
	if (
		year < 1990 ||
		year > 2100 ||
		month < 1 ||
		month > 12 ||
		day < 1 ||
		day > 31 ||
		hour > 23 ||
		minute > 59 ||
		second > 60
	) {
		return null;
	}
	const digits = (typeof subSec === "string" || typeof subSec === "number" ? String(subSec) : "").replace(
		/\D/g,
		"",
	);
	const ms = digits ? Math.round(Number(`0.${digits}`) * 1000) : 0;
	let time = Date.UTC(year, month - 1, day, hour, minute, second, Math.min(ms, 999));
	const zone = typeof offset === "string" ? /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim()) : null;
	if (zone) time -= (zone[1] === "-" ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) * 60_000;
	return new Date(time);
}
