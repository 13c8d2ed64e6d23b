import { events } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/factories.ts";
import { createShopEvent } from "../../testing/shop-fixture.ts";
import { trpcCaller } from "../../testing/test-app.ts";
import { createUploadHarness, loginCookie, type UploadHarness } from "../../testing/upload-harness.ts";

let h: UploadHarness;
beforeAll(async () => {
	h = await createUploadHarness();
});
afterAll(() => h.close());

function query<T>(path: string, input: unknown, cookie?: string) {
	return trpcCaller(h.app)<T>("query", path, input, cookie);
}

type GalleryPage = {
	photos: Array<{ id: string; microUrl: string | null; thumbUrl: string | null }>;
	nextCursor: string | null;
};

describe("public events and gallery", () => {
	it("pages a public gallery newest first with no photo twice and none missing", async () => {
		const shop = await createShopEvent(h, { photos: Array.from({ length: 7 }, () => []) });
		const seen: string[] = [];
		let cursor: string | null | undefined;
		for (let page = 0; page < 5; page++) {
			const res = await query<GalleryPage>("gallery.photos", { eventId: shop.eventId, limit: 3, cursor });
			expect(res.status).toBe(200);
			seen.push(...res.data.photos.map((p) => p.id));
			cursor = res.data.nextCursor;
			if (!cursor) break;
		}
		expect(seen).toEqual(shop.photos.map((p) => p.id).reverse());
	});

	it("keeps photos created in the same millisecond on the next page (microsecond cursor)", async () => {
		const shop = await createShopEvent(h, { photos: [[], [], [], []] });
		// Same millisecond, different microseconds: a cursor rounded to the millisecond would skip some.
		await h.tdb.db.execute(
			`update photos set created_at = '2026-10-18 10:00:00.123' ::timestamptz + (random() * interval '900 microseconds') where event_id = '${shop.eventId}'`,
		);
		const first = await query<GalleryPage>("gallery.photos", { eventId: shop.eventId, limit: 2 });
		const second = await query<GalleryPage>("gallery.photos", {
			eventId: shop.eventId,
			limit: 2,
			cursor: first.data.nextCursor,
		});
		const ids = [...first.data.photos, ...second.data.photos].map((p) => p.id);
		expect(new Set(ids).size).toBe(4);
	});

	it("shows only watermarked and grid images, never an original", async () => {
		const shop = await createShopEvent(h, { photos: [["101"]] });
		const res = await query<GalleryPage>("gallery.photos", { eventId: shop.eventId });
		const photo = res.data.photos[0];
		expect(photo?.thumbUrl).toMatch(/\/media\/events\/.+\/thumbs\//);
		expect(photo?.microUrl).toMatch(/\/media\/events\/.+\/micro\//);
		expect(JSON.stringify(res.data)).not.toContain("originals");
	});

	it("hides draft and archived events from the public, not from their managers", async () => {
		const draft = await createShopEvent(h, { photos: [[]], visibility: "draft" });
		const stranger = await createTestUser(h.tdb.db, { role: "photographer" });
		const anonymous = await query("gallery.photos", { eventId: draft.eventId });
		expect(anonymous.code).toBe("NOT_FOUND");
		const other = await query(
			"gallery.photos",
			{ eventId: draft.eventId },
			await loginCookie(h.app, stranger),
		);
		expect(other.code).toBe("NOT_FOUND");
		const owner = await query<GalleryPage>(
			"gallery.photos",
			{ eventId: draft.eventId },
			await loginCookie(h.app, draft.owner),
		);
		expect(owner.data.photos).toHaveLength(1);
		expect((await query("events.bySlug", { slug: draft.slug })).code).toBe("NOT_FOUND");
	});

	it("gives the event page its packs and lists only public events, latest race first", async () => {
		const shop = await createShopEvent(h, { photos: [[], []] });
		await h.tdb.db.update(events).set({ date: "2030-01-02" }).where(eq(events.id, shop.eventId));
		const archived = await createShopEvent(h, { photos: [[]], visibility: "archived" });
		const page = await query<{
			name: string;
			photoCount: number;
			imageUrl: string | null;
			packs: Array<{ name: string; priceCents: number; photoCount: number | null }>;
		}>("events.bySlug", { slug: shop.slug });
		expect(page.data.photoCount).toBe(2);
		expect(page.data.imageUrl).toMatch(/\/micro\//);
		expect(page.data.packs.map((p) => [p.name, p.priceCents, p.photoCount])).toEqual([
			["1 photo", 500, 1],
			["5 photos", 1500, 5],
			["All my photos", 2500, null],
		]);
		const list = await query<{ events: Array<{ id: string }>; nextCursor: string | null }>(
			"events.listPublic",
			{
				limit: 1,
			},
		);
		expect(list.data.events.map((e) => e.id)).toEqual([shop.eventId]);
		expect(list.data.nextCursor).not.toBeNull();
		const all = await query<{ events: Array<{ id: string }> }>("events.listPublic", {});
		expect(all.data.events.map((e) => e.id)).not.toContain(archived.eventId);
	});

	it("counts each event's own photos in the pro's list (correlated subqueries)", async () => {
		const shop = await createShopEvent(h, { photos: [[], [], []] });
		await createShopEvent(h, { photos: [[]] });
		await h.tdb.db.execute(`update photos set status = 'processing' where id = '${shop.photos[0]?.id}'`);
		const mine = await query<Array<{ id: string; photoCount: number; readyCount: number }>>(
			"events.listMine",
			undefined,
			await loginCookie(h.app, shop.owner),
		);
		expect(mine.data).toEqual([expect.objectContaining({ id: shop.eventId, photoCount: 3, readyCount: 2 })]);
	});

	it("drops a deleted photo from the gallery at once, though its pages are cached", async () => {
		const shop = await createShopEvent(h, { photos: [[], []] });
		const before = await query<GalleryPage>("gallery.photos", { eventId: shop.eventId });
		expect(before.data.photos).toHaveLength(2);
		const [gone, kept] = shop.photos;
		const removed = await trpcCaller(h.app)(
			"mutation",
			"photos.delete",
			{ photoId: gone?.id },
			await loginCookie(h.app, shop.owner),
		);
		expect(removed.status).toBe(200);
		const after = await query<GalleryPage>("gallery.photos", { eventId: shop.eventId });
		expect(after.data.photos.map((p) => p.id)).toEqual([kept?.id]);
	});

	it("refuses a forged page cursor with a clear error", async () => {
		const shop = await createShopEvent(h, { photos: [[]] });
		const res = await query("gallery.photos", { eventId: shop.eventId, cursor: "'; drop table photos; --" });
		expect(res.code).toBe("BAD_REQUEST");
	});
});
