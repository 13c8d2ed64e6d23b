import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopEvent } from "../../testing/shop-fixture.ts";
import { testOrigin } from "../../testing/test-app.ts";
import { createUploadHarness, type UploadHarness } from "../../testing/upload-harness.ts";

let h: UploadHarness;
beforeAll(async () => {
	h = await createUploadHarness();
});
afterAll(() => h.close());

async function query<T>(path: string, input: unknown, ip = `ip-${Math.random()}`) {
	const url = `${testOrigin}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
	const res = await h.app.request(url, { headers: { "x-forwarded-for": ip } });
	const body = (await res.json()) as {
		result?: { data: T };
		error?: { message: string; data: { code: string } };
	};
	if (body.error && process.env.DEBUG_TEST) console.log(body.error.message);
	return { status: res.status, data: body.result?.data as T, code: body.error?.data.code };
}

const runners = [
	{ bib: "101", firstName: "José", lastName: "García" },
	{ bib: "102", firstName: "Zoé", lastName: "Lefèvre" },
	{ bib: "0042", firstName: "Jean", lastName: "Garcin" },
	{ bib: "103", firstName: "100%", lastName: "Under_score" },
];

describe("search by bib and by name", () => {
	it("finds a runner's photos by exact bib, with the name from the start list", async () => {
		const shop = await createShopEvent(h, {
			photos: [["101"], ["101", "102"], ["102"], ["0042"], []],
			runners,
		});
		const res = await query<{ runner: { firstName: string } | null; photos: Array<{ id: string }> }>(
			"search.byBib",
			{ eventId: shop.eventId, bib: "101" },
		);
		expect(res.data.runner?.firstName).toBe("José");
		expect(res.data.photos.map((p) => p.id).sort()).toEqual([shop.photos[0]?.id, shop.photos[1]?.id].sort());
		const padded = await query<{ photos: unknown[] }>("search.byBib", { eventId: shop.eventId, bib: "42" });
		expect(padded.data.photos).toHaveLength(0);
		const unknown = await query<{ runner: null; photos: unknown[] }>("search.byBib", {
			eventId: shop.eventId,
			bib: "999",
		});
		expect(unknown.data).toEqual({ bib: "999", runner: null, photos: [] });
	});

	it("gives the runner's name with or without photos, and photos of a bib not on the start list", async () => {
		const shop = await createShopEvent(h, { photos: [["101"], ["555"]], runners });
		type BibAnswer = {
			runner: { firstName: string; lastName: string } | null;
			photos: Array<{ id: string }>;
		};
		const named = await query<BibAnswer>("search.byBib", { eventId: shop.eventId, bib: "101" });
		expect(named.data.runner).toEqual({ firstName: "José", lastName: expect.any(String) });
		expect(named.data.photos.map((p) => p.id)).toEqual([shop.photos[0]?.id]);
		const noPhoto = await query<BibAnswer>("search.byBib", { eventId: shop.eventId, bib: "102" });
		expect(noPhoto.data).toMatchObject({ runner: { firstName: "Zoé", lastName: "Lefèvre" }, photos: [] });
		const unlisted = await query<BibAnswer>("search.byBib", { eventId: shop.eventId, bib: "555" });
		expect(unlisted.data.runner).toBeNull();
		expect(unlisted.data.photos.map((p) => p.id)).toEqual([shop.photos[1]?.id]);
	});

	it("finds names without accents or case, partial, words in any order, with photo counts", async () => {
		const shop = await createShopEvent(h, { photos: [["101"], ["101"], ["0042"]], runners });
		const names = async (q: string) =>
			(
				await query<{ runners: Array<{ bib: string; photoCount: number }> }>("search.byName", {
					eventId: shop.eventId,
					query: q,
				})
			).data.runners;
		expect(await names("jose garcia")).toEqual([expect.objectContaining({ bib: "101", photoCount: 2 })]);
		// By first then last name, accents folded: Jean Garcin, José García.
		expect((await names("GARC")).map((r) => r.bib)).toEqual(["0042", "101"]);
		expect((await names("garcia JOSÉ")).map((r) => r.bib)).toEqual(["101"]);
		expect((await names("lefevre")).map((r) => r.bib)).toEqual(["102"]);
		// Typed % and _ are letters, not wildcards.
		expect((await names("0%")).map((r) => r.bib)).toEqual(["103"]);
		expect(await names("e_s")).toEqual([]);
		const tooShort = await query("search.byName", { eventId: shop.eventId, query: "j" });
		expect(tooShort.code).toBe("BAD_REQUEST");
	});

	it("does not search a draft event", async () => {
		const draft = await createShopEvent(h, { photos: [["101"]], runners, visibility: "draft" });
		expect((await query("search.byBib", { eventId: draft.eventId, bib: "101" })).code).toBe("NOT_FOUND");
		expect((await query("search.byName", { eventId: draft.eventId, query: "jose" })).code).toBe("NOT_FOUND");
	});

	it("rate-limits searches per IP", async () => {
		const shop = await createShopEvent(h, { photos: [], runners });
		const limit = h.env.SEARCH_RATE_LIMIT;
		let last: { status: number; code: string | undefined } = { status: 0, code: undefined };
		for (let i = 0; i <= limit; i++) {
			// Straight to the database counter: the limit is hundreds of requests.
			if (i < limit - 1) {
				await h.tdb.db.execute(
					`insert into rate_limits (key, hits, reset_at) values ('search:one-ip', ${limit - 1}, now() + interval '15 minutes') on conflict (key) do nothing`,
				);
				i = limit - 2;
				continue;
			}
			last = await query("search.byBib", { eventId: shop.eventId, bib: "101" }, "one-ip");
		}
		expect(last.code).toBe("TOO_MANY_REQUESTS");
		expect(last.status).toBe(429);
	});
});
