import { inspectImage } from "@focus-racer/core";
import { makeTestJpeg } from "@focus-racer/core/testing";
import { events, memberships, orderItems, orders, organisations, pricePacks } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/factories.ts";
import { createShopEvent } from "../../testing/shop-fixture.ts";
import { testOrigin, trpcCaller } from "../../testing/test-app.ts";
import { createUploadHarness, loginCookie, type UploadHarness } from "../../testing/upload-harness.ts";

let h: UploadHarness;
beforeAll(async () => {
	h = await createUploadHarness();
});
afterAll(() => h.close());

function call<T>(kind: "query" | "mutation", path: string, input?: unknown, cookie?: string) {
	return trpcCaller(h.app)<T>(kind, path, input, cookie);
}

async function pro(role: "photographer" | "organizer" = "photographer") {
	const user = await createTestUser(h.tdb.db, { role });
	return { user, cookie: await loginCookie(h.app, user) };
}

const race = { name: "Trail des Crêtes", date: "2026-10-18", place: "Lyon" };

describe("event management", () => {
	it("creates a draft under a slug from the name and year, numbered when taken", async () => {
		const a = await pro();
		const first = await call<{ id: string; slug: string }>("mutation", "events.create", race, a.cookie);
		expect(first.data.slug).toBe("trail-des-cretes-2026");
		const second = await call<{ slug: string }>("mutation", "events.create", race, a.cookie);
		expect(second.data.slug).toBe("trail-des-cretes-2026-2");
		const got = await call<{ visibility: string; sportType: string; isOwner: boolean }>(
			"query",
			"events.get",
			{ eventId: first.data.id },
			a.cookie,
		);
		expect(got.data).toMatchObject({ visibility: "draft", sportType: "running", isOwner: true });
		const bad = await call("mutation", "events.create", { ...race, date: "18/10/2026" }, a.cookie);
		expect(bad.code).toBe("BAD_REQUEST");
		const runner = await loginCookie(h.app, await createTestUser(h.tdb.db));
		expect((await call("mutation", "events.create", race, runner)).code).toBe("FORBIDDEN");
	});

	it("edits only what is sent: a rename keeps a public event public", async () => {
		const a = await pro();
		const created = await call<{ id: string }>(
			"mutation",
			"events.create",
			{ ...race, visibility: "public" },
			a.cookie,
		);
		await call(
			"mutation",
			"events.update",
			{ eventId: created.data.id, name: "Trail des Crêtes — 23 km" },
			a.cookie,
		);
		const got = await call<{ name: string; visibility: string }>(
			"query",
			"events.get",
			{ eventId: created.data.id },
			a.cookie,
		);
		expect(got.data).toMatchObject({ name: "Trail des Crêtes — 23 km", visibility: "public" });
		await call(
			"mutation",
			"events.update",
			{ eventId: created.data.id, visibility: "archived", primaryColor: "#E4572E" },
			a.cookie,
		);
		const archived = await call<{ visibility: string; primaryColor: string }>(
			"query",
			"events.get",
			{ eventId: created.data.id },
			a.cookie,
		);
		expect(archived.data).toMatchObject({ visibility: "archived", primaryColor: "#E4572E" });
		const badColor = await call(
			"mutation",
			"events.update",
			{ eventId: created.data.id, primaryColor: "red" },
			a.cookie,
		);
		expect(badColor.code).toBe("BAD_REQUEST");
	});

	it("takes an event off the public side at once when it goes back to draft", async () => {
		const a = await pro();
		const created = await call<{ id: string }>(
			"mutation",
			"events.create",
			{ ...race, visibility: "public" },
			a.cookie,
		);
		const before = await call("query", "gallery.photos", { eventId: created.data.id });
		expect(before.code).toBeUndefined();
		await call("mutation", "events.update", { eventId: created.data.id, visibility: "draft" }, a.cookie);
		expect((await call("query", "gallery.photos", { eventId: created.data.id })).code).toBe("NOT_FOUND");
	});

	it("links the organizer's account by email, and refuses an unknown one", async () => {
		const a = await pro();
		const organizer = await pro("organizer");
		const created = await call<{ id: string }>("mutation", "events.create", race, a.cookie);
		const linked = await call(
			"mutation",
			"events.update",
			{ eventId: created.data.id, organizerEmail: organizer.user.email.toUpperCase() },
			a.cookie,
		);
		expect(linked.code).toBeUndefined();
		// The organizer now manages it from their own space.
		const theirs = await call<Array<{ id: string }>>("query", "events.listMine", undefined, organizer.cookie);
		expect(theirs.data.map((e) => e.id)).toContain(created.data.id);
		const unknown = await call(
			"mutation",
			"events.update",
			{ eventId: created.data.id, organizerEmail: "nobody@example.com" },
			a.cookie,
		);
		expect(unknown.message).toMatch(/organizer/);
	});

	it("refuses a slug already used, and hides another pro's event", async () => {
		const a = await pro();
		const b = await pro();
		const mine = await call<{ id: string; slug: string }>(
			"mutation",
			"events.create",
			{ ...race, name: "Mine" },
			a.cookie,
		);
		const theirs = await call<{ id: string; slug: string }>(
			"mutation",
			"events.create",
			{ ...race, name: "Theirs" },
			b.cookie,
		);
		const taken = await call(
			"mutation",
			"events.update",
			{ eventId: mine.data.id, slug: theirs.data.slug },
			a.cookie,
		);
		expect(taken.code).toBe("CONFLICT");
		expect((await call("query", "events.get", { eventId: theirs.data.id }, a.cookie)).code).toBe("NOT_FOUND");
		expect(
			(await call("mutation", "events.update", { eventId: theirs.data.id, name: "x y" }, a.cookie)).code,
		).toBe("NOT_FOUND");
		expect(
			(
				await call(
					"mutation",
					"events.delete",
					{ eventId: theirs.data.id, confirmSlug: theirs.data.slug },
					a.cookie,
				)
			).code,
		).toBe("NOT_FOUND");
	});

	it("deletes an event with its media once its address is typed again; orders stay", async () => {
		const shop = await createShopEvent(h, { photos: [[], []] });
		const owner = await loginCookie(h.app, shop.owner);
		const [order] = await h.tdb.db
			.insert(orders)
			.values({
				eventId: shop.eventId,
				buyerEmail: "b@example.com",
				subtotalCents: 500,
				totalCents: 500,
				status: "paid",
			})
			.returning({ id: orders.id });
		// A member of the event's organisation may sort photos, not delete the event.
		const [org] = await h.tdb.db
			.insert(organisations)
			.values({ name: "Club", kind: "club", ownerId: shop.owner.id })
			.returning({ id: organisations.id });
		const member = await createTestUser(h.tdb.db, { role: "photographer" });
		await h.tdb.db
			.insert(memberships)
			.values({ organisationId: org?.id ?? "", userId: member.id, role: "member" });
		await h.tdb.db.update(events).set({ organisationId: org?.id }).where(eq(events.id, shop.eventId));
		const byMember = await call(
			"mutation",
			"events.delete",
			{ eventId: shop.eventId, confirmSlug: shop.slug },
			await loginCookie(h.app, member),
		);
		expect(byMember.code).toBe("FORBIDDEN");

		const wrong = await call(
			"mutation",
			"events.delete",
			{ eventId: shop.eventId, confirmSlug: "nope" },
			owner,
		);
		expect(wrong.code).toBe("BAD_REQUEST");
		expect(await h.storage.list(`events/${shop.eventId}/`)).toHaveLength(2);
		const done = await call<{ deletedFiles: number }>(
			"mutation",
			"events.delete",
			{ eventId: shop.eventId, confirmSlug: shop.slug },
			owner,
		);
		expect(done.data.deletedFiles).toBe(2);
		expect(await h.storage.list(`events/${shop.eventId}/`)).toEqual([]);
		expect(await h.tdb.db.select().from(events).where(eq(events.id, shop.eventId))).toEqual([]);
		const [kept] = await h.tdb.db
			.select()
			.from(orders)
			.where(eq(orders.id, order?.id ?? ""));
		expect(kept).toMatchObject({ eventId: null, status: "paid" });
	});
});

describe("event branding", () => {
	async function put(eventId: string, kind: string, body: Buffer, cookie: string, type = "image/jpeg") {
		const res = await h.app.request(`${testOrigin}/api/events/${eventId}/branding/${kind}`, {
			method: "PUT",
			headers: { cookie, origin: testOrigin, "content-type": type },
			body,
		});
		return {
			status: res.status,
			body: (await res.json()) as { url?: string | null; error?: { message: string } },
		};
	}

	it("stores a poster as a public WebP ≤ 1600 px, replaces and removes it", async () => {
		const a = await pro();
		const created = await call<{ id: string }>("mutation", "events.create", race, a.cookie);
		const eventId = created.data.id;
		const first = await put(
			eventId,
			"poster",
			await makeTestJpeg({ seed: 5, width: 3000, height: 2000 }),
			a.cookie,
		);
		expect(first.status).toBe(200);
		const image = await h.app.request(new URL(first.body.url ?? "", testOrigin).toString());
		expect(image.headers.get("content-type")).toBe("image/webp");
		const info = await inspectImage(Buffer.from(await image.arrayBuffer()));
		expect([info.format, info.width]).toEqual(["webp", 1600]);
		const second = await put(
			eventId,
			"poster",
			await makeTestJpeg({ seed: 6, width: 800, height: 600 }),
			a.cookie,
		);
		expect(second.body.url).not.toBe(first.body.url);
		expect(await h.storage.list(`events/${eventId}/branding/`)).toHaveLength(1);
		const page = await call<{ posterUrl: string }>("query", "events.get", { eventId }, a.cookie);
		expect(page.data.posterUrl).toBe(second.body.url);
		const removed = await h.app.request(`${testOrigin}/api/events/${eventId}/branding/poster`, {
			method: "DELETE",
			headers: { cookie: a.cookie, origin: testOrigin },
		});
		expect(await removed.json()).toEqual({ url: null });
		expect(await h.storage.list(`events/${eventId}/branding/`)).toEqual([]);
	});

	it("refuses a non-image, a stranger and a guest", async () => {
		const a = await pro();
		const b = await pro();
		const created = await call<{ id: string }>("mutation", "events.create", race, a.cookie);
		const text = await put(
			created.data.id,
			"logo",
			Buffer.from("not an image at all"),
			a.cookie,
			"image/png",
		);
		expect(text.status).toBe(400);
		expect(text.body.error?.message).toMatch(/not a photo|format/i);
		const stranger = await put(
			created.data.id,
			"logo",
			await makeTestJpeg({ seed: 1, width: 100, height: 100 }),
			b.cookie,
		);
		expect(stranger.status).toBe(404);
		const guest = await h.app.request(`${testOrigin}/api/events/${created.data.id}/branding/logo`, {
			method: "PUT",
			headers: { "content-type": "image/jpeg" },
			body: await makeTestJpeg({ seed: 1, width: 100, height: 100 }),
		});
		expect(guest.status).toBe(401);
	});
});

describe("price packs", () => {
	it("creates, edits, orders and removes an event's packs; a bought pack is only retired", async () => {
		const a = await pro();
		const created = await call<{ id: string }>("mutation", "events.create", race, a.cookie);
		const eventId = created.data.id;
		const one = await call<{ id: string; sortOrder: number }>(
			"mutation",
			"pricePacks.create",
			{ eventId, name: "1 photo", priceCents: 500, photoCount: 1 },
			a.cookie,
		);
		const all = await call<{ id: string; sortOrder: number }>(
			"mutation",
			"pricePacks.create",
			{ eventId, name: "Toutes mes photos", priceCents: 2500, photoCount: null },
			a.cookie,
		);
		expect([one.data.sortOrder, all.data.sortOrder]).toEqual([0, 1]);
		await call("mutation", "pricePacks.update", { packId: one.data.id, priceCents: 600 }, a.cookie);
		const reordered = await call<Array<{ id: string; priceCents: number }>>(
			"mutation",
			"pricePacks.reorder",
			{ eventId, packIds: [all.data.id, one.data.id] },
			a.cookie,
		);
		expect(reordered.data.map((p) => [p.id, p.priceCents])).toEqual([
			[all.data.id, 2500],
			[one.data.id, 600],
		]);
		expect(
			(await call("mutation", "pricePacks.reorder", { eventId, packIds: [one.data.id] }, a.cookie)).code,
		).toBe("BAD_REQUEST");
		expect(
			(
				await call(
					"mutation",
					"pricePacks.create",
					{ eventId, name: "Free", priceCents: -1, photoCount: 1 },
					a.cookie,
				)
			).code,
		).toBe("BAD_REQUEST");

		const [order] = await h.tdb.db
			.insert(orders)
			.values({ eventId, buyerEmail: "b@example.com", subtotalCents: 600, totalCents: 600 })
			.returning({ id: orders.id });
		await h.tdb.db.insert(orderItems).values({
			orderId: order?.id ?? "",
			kind: "pack",
			pricePackId: one.data.id,
			label: "1 photo",
			unitPriceCents: 600,
		});
		const retired = await call<{ deleted: boolean }>(
			"mutation",
			"pricePacks.remove",
			{ packId: one.data.id },
			a.cookie,
		);
		expect(retired.data).toEqual({ deleted: false });
		const [row] = await h.tdb.db.select().from(pricePacks).where(eq(pricePacks.id, one.data.id));
		expect(row?.isActive).toBe(false);
		expect(
			(await call<{ deleted: boolean }>("mutation", "pricePacks.remove", { packId: all.data.id }, a.cookie))
				.data,
		).toEqual({ deleted: true });

		const b = await pro();
		expect((await call("query", "pricePacks.list", { eventId }, b.cookie)).code).toBe("NOT_FOUND");
		expect(
			(await call("mutation", "pricePacks.update", { packId: one.data.id, priceCents: 1 }, b.cookie)).code,
		).toBe("NOT_FOUND");
	});
});
