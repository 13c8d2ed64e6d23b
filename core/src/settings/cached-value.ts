/**
 * A value loaded at most once per `ttlMs` per process, shared by every caller in between: 16
 * jobs in flight must not each read the settings table. A failed load is forgotten at once so
 * the next call tries again instead of serving the error for a whole period.
 */
export function cachedValue<T>(load: () => Promise<T>, ttlMs: number): () => Promise<T> {
	let cached: { at: number; value: Promise<T> } | undefined;
	return () => {
		if (!cached || Date.now() - cached.at > ttlMs) {
			const entry = { at: Date.now(), value: load() };
			cached = entry;
			entry.value.catch(() => {
				if (cached === entry) cached = undefined;
			});
		}
		return cached.value;
	};
}
