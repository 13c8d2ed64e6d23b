import type { Db } from "@focus-racer/db";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetGalleryPages, galleryPageCache } from "./gallery-page-cache.ts";

// The cache is per database object: each test gets its own, so none sees another's pages.
let db: Db;
beforeEach(() => {
	db = {} as Db;
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(new Date("2026-10-18T10:00:00Z"));
});
afterEach(() => vi.useRealTimers());

function counter() {
	let reads = 0;
	return { read: async () => ++reads, reads: () => reads };
}

describe("gallery page cache", () => {
	it("reads a page once for every caller within two seconds, then again", async () => {
		const c = counter();
		const cache = galleryPageCache(db);
		const [a, b] = await Promise.all([
			cache.get("e1|100|", "e1", c.read),
			cache.get("e1|100|", "e1", c.read),
		]);
		expect([a, b, c.reads()]).toEqual([1, 1, 1]);
		vi.advanceTimersByTime(1999);
		expect(await cache.get("e1|100|", "e1", c.read)).toBe(1);
		vi.advanceTimersByTime(2);
		expect(await cache.get("e1|100|", "e1", c.read)).toBe(2);
		// Another page of the same event is its own read.
		expect(await galleryPageCache(db).get("e1|100|cursor", "e1", c.read)).toBe(3);
	});

	it("does not keep a failed read", async () => {
		const cache = galleryPageCache(db);
		await expect(cache.get("k", "e1", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
		expect(await cache.get("k", "e1", async () => "fresh")).toBe("fresh");
	});

	it("forgets only the pages of the event it is told about", async () => {
		const c = counter();
		const cache = galleryPageCache(db);
		await cache.get("e1|100|", "e1", c.read);
		await cache.get("e2|100|", "e2", c.read);
		forgetGalleryPages(db, "e1");
		expect(await cache.get("e1|100|", "e1", c.read)).toBe(3);
		expect(await cache.get("e2|100|", "e2", c.read)).toBe(2);
	});

	it("keeps at most 1000 pages, dropping the oldest first", async () => {
		const c = counter();
		const cache = galleryPageCache(db);
		for (let i = 0; i < 1001; i++) await cache.get(`page-${i}`, "e1", c.read);
		expect(await cache.get("page-1000", "e1", c.read)).toBe(1001);
		expect(await cache.get("page-1", "e1", c.read)).toBe(2);
		expect(await cache.get("page-0", "e1", c.read)).toBe(1002);
	});
});
