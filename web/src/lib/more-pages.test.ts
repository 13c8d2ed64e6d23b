import { describe, expect, it, vi } from "vitest";

// Node resolves solid-js to its server build, where nothing is reactive: use the browser's.
// @ts-expect-error the build file has no declarations of its own (they are solid-js's)
vi.mock("solid-js", async () => await import("solid-js/dist/solid.js"));

const { createRoot, createSignal } = await import("solid-js");
const { createMorePages } = await import("./more-pages.ts");

interface Row {
	id: string;
}
type Page = { rows: Row[]; next: string | null };

const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));

/** A page fetch that the test resolves or rejects by hand. */
function pendingFetches() {
	const calls: { cursor: string; resolve: (page: Page) => void; reject: (err: Error) => void }[] = [];
	const fetchPage = (cursor: string) =>
		new Promise<Page>((resolve, reject) => {
			calls.push({ cursor, resolve, reject });
		});
	return { calls, fetchPage };
}

function setup(restartWhenFirstChanges: boolean, first: Page = { rows: rows("a", "b"), next: "c1" }) {
	const fetches = pendingFetches();
	return createRoot((dispose) => {
		const [firstPage, setFirstPage] = createSignal<Page | undefined>(first);
		const pages = createMorePages({
			first: firstPage,
			fetchPage: fetches.fetchPage,
			toPage: (page: Page) => page,
			restartWhenFirstChanges,
		});
		return { pages, setFirstPage, fetches, dispose };
	});
}

describe("createMorePages", () => {
	it("appends the next pages by cursor, each row once, and stops at the last page", async () => {
		const { pages, fetches, dispose } = setup(false);
		expect(pages.rows().map((r) => r.id)).toEqual(["a", "b"]);
		expect(pages.cursor()).toBe("c1");

		const loading = pages.loadMore();
		expect(pages.loading()).toBe(true);
		// A second ask while a page is on its way fetches nothing more.
		await pages.loadMore();
		expect(fetches.calls.map((c) => c.cursor)).toEqual(["c1"]);
		// "b" moved to the second page while reading: shown once.
		fetches.calls[0]?.resolve({ rows: rows("b", "c", "d"), next: "c2" });
		await loading;
		expect(pages.loading()).toBe(false);
		expect(pages.rows().map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
		expect(pages.cursor()).toBe("c2");

		const last = pages.loadMore();
		fetches.calls[1]?.resolve({ rows: rows("e"), next: null });
		await last;
		expect(pages.rows().map((r) => r.id)).toEqual(["a", "b", "c", "d", "e"]);
		expect(pages.cursor()).toBeNull();
		await pages.loadMore();
		expect(fetches.calls).toHaveLength(2);
		dispose();
	});

	it("keeps the rows when a page fails, says why, and the next try clears it", async () => {
		const { pages, fetches, dispose } = setup(false);
		const failing = pages.loadMore();
		fetches.calls[0]?.reject(new Error("offline"));
		await failing;
		expect((pages.error() as Error).message).toBe("offline");
		expect(pages.loading()).toBe(false);
		expect(pages.rows().map((r) => r.id)).toEqual(["a", "b"]);
		expect(pages.cursor()).toBe("c1");

		const retry = pages.loadMore();
		expect(pages.error()).toBeUndefined();
		fetches.calls[1]?.resolve({ rows: rows("c"), next: null });
		await retry;
		expect(fetches.calls.map((c) => c.cursor)).toEqual(["c1", "c1"]);
		expect(pages.rows().map((r) => r.id)).toEqual(["a", "b", "c"]);
		dispose();
	});

	it("restarts from a new first page, ignoring a page of the old list still on its way", async () => {
		const { pages, setFirstPage, fetches, dispose } = setup(true);
		const loaded = pages.loadMore();
		fetches.calls[0]?.resolve({ rows: rows("c"), next: "c2" });
		await loaded;
		expect(pages.rows().map((r) => r.id)).toEqual(["a", "b", "c"]);

		const stale = pages.loadMore();
		setFirstPage({ rows: rows("x", "a"), next: "n1" });
		expect(pages.rows().map((r) => r.id)).toEqual(["x", "a"]);
		expect(pages.cursor()).toBe("n1");
		expect(pages.loading()).toBe(false);
		fetches.calls[1]?.resolve({ rows: rows("d"), next: null });
		await stale;
		expect(pages.rows().map((r) => r.id)).toEqual(["x", "a"]);
		expect(pages.cursor()).toBe("n1");
		dispose();
	});

	it("keeps the loaded pages when asked not to restart (a revalidated public gallery)", async () => {
		const { pages, setFirstPage, fetches, dispose } = setup(false);
		const loaded = pages.loadMore();
		fetches.calls[0]?.resolve({ rows: rows("c"), next: "c2" });
		await loaded;
		setFirstPage({ rows: rows("a", "b"), next: "c1" });
		expect(pages.rows().map((r) => r.id)).toEqual(["a", "b", "c"]);
		expect(pages.cursor()).toBe("c2");
		dispose();
	});

	it("has no cursor before the first page is there", () => {
		const fetches = pendingFetches();
		createRoot((dispose) => {
			const pages = createMorePages({
				first: (): Page | undefined => undefined,
				fetchPage: fetches.fetchPage,
				toPage: (page: Page) => page,
				restartWhenFirstChanges: true,
			});
			expect(pages.rows()).toEqual([]);
			expect(pages.cursor()).toBeNull();
			dispose();
		});
	});
});
