/**
 * JSON in localStorage under the product's "fr." prefix. Storage can be disabled or full
 * (private mode, strict settings): reads then give nothing and writes are dropped, so the page
 * keeps working for this visit instead of throwing.
 */
export function readLocalJson(key: string): unknown {
	try {
		const raw = localStorage.getItem(key);
		return raw === null ? undefined : JSON.parse(raw);
	} catch {
		return undefined;
	}
}

export function writeLocalJson(key: string, value: unknown): void {
	try {
		if (value === undefined) localStorage.removeItem(key);
		else localStorage.setItem(key, JSON.stringify(value));
	} catch {
		// Not persisted; the in-memory state still applies until the page is closed.
	}
}

/** Calls back when another tab changes `key` (the "storage" event never fires in the tab that wrote). */
export function onOtherTabWrite(key: string, callback: (value: unknown) => void): () => void {
	const listener = (event: StorageEvent) => {
		if (event.key !== key && event.key !== null) return;
		callback(readLocalJson(key));
	};
	window.addEventListener("storage", listener);
	return () => window.removeEventListener("storage", listener);
}
