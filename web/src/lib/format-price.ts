/**
 * A price in euros as the visitor reads it: "5 €", "15 €" for whole euros (as packs are priced),
 * "4,50 €" otherwise. The server computes every amount; this only writes it.
 */
export function formatPrice(cents: number, locale: string): string {
	const whole = cents % 100 === 0;
	return new Intl.NumberFormat(locale, {
		style: "currency",
		currency: "EUR",
		minimumFractionDigits: whole ? 0 : 2,
		maximumFractionDigits: 2,
	}).format(cents / 100);
}
