/**
 * A price as a pro types it in euros ("6,50", "6.5", "6 €", "1 000") into cents, or undefined
 * when it is not a price. Comma or dot as the decimal mark: French keyboards give the first.
 */
export function parseEuros(text: string): number | undefined {
	const cleaned = text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
	if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
	// Through a string, not a float product: 0.29 * 100 is 28.999999999999996.
	const [whole = "0", fraction = ""] = cleaned.split(".");
	return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Cents as the input shows them back: "6,50" in French, "6.50" in English, always 2 decimals. */
export function eurosInputValue(cents: number, locale: string): string {
	return new Intl.NumberFormat(locale, {
		minimumFractionDigits: 2,
		maximumFractionDigits: 2,
		useGrouping: false,
	}).format(cents / 100);
}
