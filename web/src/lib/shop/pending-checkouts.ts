import { readLocalJson, writeLocalJson } from "../local-json.ts";

const key = "fr.checkouts";
/** A day is far longer than any payment; older entries are abandoned checkouts. */
const maxAgeMs = 24 * 3600 * 1000;

type Pending = Record<string, { eventId: string; at: number }>;

function read(): Pending {
	const value = readLocalJson(key);
	if (typeof value !== "object" || value === null) return {};
	const now = Date.now();
	const pending: Pending = {};
	for (const [token, entry] of Object.entries(value as Record<string, unknown>)) {
		const { eventId, at } = (entry ?? {}) as { eventId?: unknown; at?: unknown };
		if (typeof eventId === "string" && typeof at === "number" && now - at < maxAgeMs)
			pending[token] = { eventId, at };
	}
	return pending;
}

/**
 * A card payment leaves for Stripe (3-D Secure, bank redirects) and comes back on the downloads
 * page: the cart is emptied there, once the order is paid, not before (a failed payment keeps it).
 */
export function rememberCheckout(downloadToken: string, eventId: string): void {
	writeLocalJson(key, { ...read(), [downloadToken]: { eventId, at: Date.now() } });
}

/** The event whose cart this paid order came from, forgotten once read. */
export function takeCheckout(downloadToken: string): string | undefined {
	const pending = read();
	const entry = pending[downloadToken];
	if (!entry) return undefined;
	delete pending[downloadToken];
	writeLocalJson(key, Object.keys(pending).length ? pending : undefined);
	return entry.eventId;
}
