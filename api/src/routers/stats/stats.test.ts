import { orders } from "@focus-racer/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/factories.ts";
import { createShopEvent } from "../../testing/shop-fixture.ts";
import { testOrigin } from "../../testing/test-app.ts";
import { createUploadHarness, loginCookie, type UploadHarness } from "../../testing/upload-harness.ts";

let h: UploadHarness;
beforeAll(async () => {
	h = await createUploadHarness();
});
afterAll(() => h.close());

async function query<T>(path: string, input: unknown, headers: Record<string, string> = {}) {
	const url = `${testOrigin}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
	const res = await h.app.request(url, { headers });
	const body = (await res.json()) as { result?: { data: T }; error?: { data: { code: string } } };
	return { data: body.result?.data as T, code: body.error?.data.code };
}

type Metrics = {
	eventId: string;
	photos: number;
	ready: number;
	rejected: number;
	withBib: number;
	orphans: number;
	visitors: number;
	buyers: number;
	paidOrders: number;
	testOrders: number;
	revenueCents: number;
	starters: number;
	coveredStarters: number;
	bibReadRate: number | null;
	orphanRate: number | null;
	conversionRate: number | null;
	coverage: number | null;
};

describe("stats", () => {
	it("counts photos by state, read and orphan rates, visitors, buyers, revenue and coverage", async () => {
		const shop = await createShopEvent(h, {
			photos: [["1"], ["1", "2"], [], [], ["3"]],
			runners: [
				{ bib: "1", firstName: "Ana", lastName: "A" },
				{ bib: "2", firstName: "Ben", lastName: "B" },
				{ bib: "9", firstName: "Zoé", lastName: "Z" },
				{ bib: "10", firstName: "Yann", lastName: "Y" },
			],
		});
		await h.tdb.db.execute(
			`update photos set status = 'rejected', rejection_reason = 'blurry' where id = '${shop.photos[4]?.id}'`,
		);
		// Three page views by two visitors.
		for (const ua of ["phone", "phone", "laptop"]) {
			await query(
				"events.bySlug",
				{ slug: shop.slug },
				{ "x-forwarded-for": "198.51.100.7", "user-agent": ua },
			);
		}
		await h.tdb.db.insert(orders).values([
			{
				eventId: shop.eventId,
				buyerEmail: "a@x.fr",
				subtotalCents: 1500,
				totalCents: 1600,
				serviceFeeCents: 100,
				status: "paid",
			},
			{
				eventId: shop.eventId,
				buyerEmail: "a@x.fr",
				subtotalCents: 500,
				totalCents: 500,
				status: "paid",
				isTestPayment: true,
			},
			{ eventId: shop.eventId, buyerEmail: "b@x.fr", subtotalCents: 500, totalCents: 500, status: "pending" },
		]);
		const cookie = await loginCookie(h.app, shop.owner);
		const stats = await query<
			Metrics & {
				topRunners: Array<{ bib: string; photos: number; firstName: string | null }>;
				daily: Array<{ visitors: number }>;
			}
		>("stats.event", { eventId: shop.eventId }, { cookie });
		expect(stats.data).toMatchObject({
			photos: 5,
			ready: 4,
			rejected: 1,
			withBib: 2,
			orphans: 2,
			visitors: 2,
			buyers: 1,
			paidOrders: 1,
			testOrders: 1,
			revenueCents: 1600,
			starters: 4,
			coveredStarters: 2,
			bibReadRate: 0.5,
			orphanRate: 0.5,
			conversionRate: 0.5,
			coverage: 0.5,
		});
		expect(stats.data.topRunners.slice(0, 2)).toEqual([
			expect.objectContaining({ bib: "1", photos: 2, firstName: "Ana" }),
			expect.objectContaining({ bib: "2", photos: 1 }),
		]);
		expect(stats.data.daily).toHaveLength(30);
		expect(stats.data.daily.at(-1)?.visitors).toBe(2);

		const overview = await query<{ events: Metrics[]; totals: Metrics }>("stats.overview", undefined, {
			cookie,
		});
		expect(overview.data.events.map((e) => e.eventId)).toEqual([shop.eventId]);
		expect(overview.data.totals).toMatchObject({ photos: 5, revenueCents: 1600, coverage: 0.5 });

		const csv = await h.app.request(`${testOrigin}/api/stats/events.csv`, { headers: { cookie } });
		expect(csv.headers.get("content-type")).toContain("text/csv");
		const bytes = Buffer.from(await csv.arrayBuffer());
		// A UTF-8 BOM first, so Excel reads accents right.
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.subarray(3).toString("utf8");
		expect(text.startsWith("Event;Date;Photos;")).toBe(true);
		expect(text).toContain("Shop race;2026-10-18;5;4;1;0;0.5;0.5;2;1;0.5;1;1600;4;0.5");
	});

	it("shows nobody else's event", async () => {
		const shop = await createShopEvent(h, { photos: [[]] });
		const stranger = await loginCookie(h.app, await createTestUser(h.tdb.db, { role: "photographer" }));
		expect((await query("stats.event", { eventId: shop.eventId }, { cookie: stranger })).code).toBe(
			"NOT_FOUND",
		);
		const overview = await query<{ events: unknown[] }>("stats.overview", undefined, { cookie: stranger });
		expect(overview.data.events).toEqual([]);
		const runner = await loginCookie(h.app, await createTestUser(h.tdb.db));
		expect(
			(await h.app.request(`${testOrigin}/api/stats/events.csv`, { headers: { cookie: runner } })).status,
		).toBe(403);
	});
});
