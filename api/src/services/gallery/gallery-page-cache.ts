import type { Db } from "@focus-racer/db";

/**
 * Public gallery pages as last read, per database, for two seconds: when a race's results go
 * out, thousands of runners open the same gallery and scroll the same pages (a page's cursor
 * is the last photo of the one before, so every visitor asks for the same keys), and one read
 * per page and period is enough for all of them. A photo becomes visible at most two seconds
 * after it is ready; a deleted photo leaves its event's pages at once in the process that
 * deleted it (other api processes within the two seconds; its files are gone already).
 * Concurrent misses of one page share one read; a failed read is not kept.
 */
const ttlMs = 2000;
/** About 30 KB a page of 100 photos: at most ~30 MB per api process. */
const maxPages = 1000;

type Entry = { at: number; eventId: string; page: Promise<unknown> };

const caches = new WeakMap<Db, Map<string, Entry>>();

export function galleryPageCache(db: Db) {
	let pages = caches.get(db);
	if (!pages) {
		pages = new Map();
		caches.set(db, pages);
	}
	const cache = pages;
	return {
		get<T>(key: string, eventId: string, read: () => Promise<T>): Promise<T> {
			const now = Date.now();
			const hit = cache.get(key);
			if (hit && now - hit.at < ttlMs) return hit.page as Promise<T>;
			if (hit) cache.delete(key);
			const entry: Entry = { at: now, eventId, page: read() };
			cache.set(key, entry);
			entry.page.catch(() => {
				if (cache.get(key) === entry) cache.delete(key);
			});
			// A Map iterates in insertion order: the first key is the oldest page.
			while (cache.size > maxPages) {
				const oldest = cache.keys().next().value;
				if (oldest === undefined) break;
				cache.delete(oldest);
			}
			return entry.page as Promise<T>;
		},
	};
}

/** Drops every cached page of an event (a photo of it was deleted or hidden). */
export function forgetGalleryPages(db: Db, eventId: string): void {
	const pages = caches.get(db);
	if (!pages) return;
	for (const [key, entry] of pages) if (entry.eventId === eventId) pages.delete(key);
}
