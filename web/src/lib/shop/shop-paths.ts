/** The public side's addresses, in one place: event pages link to each other through these. */

/** The server's rule for slugs (events.bySlug): anything else cannot be an event, no request needed. */
export const slugPattern = /^[a-z0-9-]{1,120}$/;

export function eventPath(slug: string, search?: { bib?: string; name?: string }): string {
	const base = `/events/${encodeURIComponent(slug)}`;
	const params = new URLSearchParams();
	if (search?.bib) params.set("bib", search.bib);
	else if (search?.name) params.set("name", search.name);
	const query = params.toString();
	return query ? `${base}?${query}` : base;
}

export const cartPath = (slug: string) => `/events/${encodeURIComponent(slug)}/cart`;
export const checkoutPath = (slug: string) => `/events/${encodeURIComponent(slug)}/checkout`;
export const downloadsPath = (token: string) => `/downloads/${encodeURIComponent(token)}`;

/**
 * What someone typed in the site-wide search ("1234" or "Camille Durand"), as the event page's
 * search: digits (with an optional letter or dash, as some races print) are a bib, the rest a name.
 */
export function searchFromQuery(query: string): { bib: string } | { name: string } | undefined {
	const q = query.trim();
	if (q === "") return undefined;
	if (/^[A-Za-z]?\d[\dA-Za-z-]{0,11}$/.test(q)) return { bib: q };
	return q.length >= 2 ? { name: q } : undefined;
}
