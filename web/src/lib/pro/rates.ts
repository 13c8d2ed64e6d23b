/** A rate from the server (0–1, or null when there is nothing to divide by) as "72 %" or "—". */
export function formatRate(rate: number | null | undefined, locale: string): string {
	if (rate === null || rate === undefined) return "—";
	return new Intl.NumberFormat(locale, {
		style: "percent",
		maximumFractionDigits: rate < 0.1 ? 1 : 0,
	}).format(rate);
}

/** A count as the visitor reads numbers ("12 500" / "12,500"). */
export function formatCount(value: number, locale: string): string {
	return new Intl.NumberFormat(locale).format(value);
}
