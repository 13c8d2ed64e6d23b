import { makeTestJpeg } from "@focus-racer/core/testing";
import { photos } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testOrigin } from "../../testing/test-app.ts";
import {
	createProWithEvent,
	createUploadHarness,
	type UploadHarness,
	uploadFiles,
} from "../../testing/upload-harness.ts";

let h: UploadHarness;
beforeAll(async () => {
	h = await createUploadHarness();
});
afterAll(() => h.close());

async function trpc<T>(cookie: string, kind: "query" | "mutation", path: string, input: unknown) {
	const url = `${testOrigin}/trpc/${path}${kind === "query" ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ""}`;
	const res = await h.app.request(url, {
		method: kind === "query" ? "GET" : "POST",
		headers: { cookie, origin: testOrigin, "content-type": "application/json" },
		...(kind === "mutation" ? { body: JSON.stringify(input) } : {}),
	});
	const body = (await res.json()) as { result?: { data: T }; error?: { data: { code: string } } };
	return { status: res.status, data: body.result?.data as T, code: body.error?.data.code };
}

type Page = {
	photos: Array<{ id: string; status: string; bibs: Array<{ bib: string; source: string }> }>;
	nextCursor: string | null;
};

async function proWithPhotos(count: number) {
	const pro = await createProWithEvent(h, { credits: 10 });
	const files = await Promise.all(
		Array.from({ length: count }, (_, i) => makeTestJpeg({ seed: 700 + i, width: 600, height: 400 })),
	);
	const up = await uploadFiles(h, {
		eventId: pro.eventId,
		cookie: pro.cookie,
		files: files.map((bytes, i) => ({ name: `p${i}.jpg`, bytes })),
	});
	return { ...pro, ids: up.body.results.map((r) => r.photoId ?? "") };
}

describe("photos router", () => {
	it("lists an event's photos newest first, by state, page by page", async () => {
		const pro = await proWithPhotos(3);
		const all = await trpc<Page>(pro.cookie, "query", "photos.list", { eventId: pro.eventId });
		expect(all.data.photos.map((p) => p.id).sort()).toEqual([...pro.ids].sort());
		const first = await trpc<Page>(pro.cookie, "query", "photos.list", { eventId: pro.eventId, limit: 2 });
		const second = await trpc<Page>(pro.cookie, "query", "photos.list", {
			eventId: pro.eventId,
			limit: 2,
			cursor: first.data.nextCursor,
		});
		expect(first.data.photos).toHaveLength(2);
		expect(second.data.photos).toHaveLength(1);
		expect(second.data.nextCursor).toBeNull();
		expect([...first.data.photos, ...second.data.photos].map((p) => p.id).sort()).toEqual(
			[...pro.ids].sort(),
		);
		const ready = await trpc<Page>(pro.cookie, "query", "photos.list", {
			eventId: pro.eventId,
			status: "ready",
		});
		expect(ready.data.photos).toHaveLength(0);
	});

	it("sets bibs by hand (source manual) and deletes a photo with its files", async () => {
		const pro = await proWithPhotos(1);
		const id = pro.ids[0] ?? "";
		const set = await trpc(pro.cookie, "mutation", "photos.setBibs", {
			photoId: id,
			bibs: ["123", "456", "123"],
		});
		expect(set.status).toBe(200);
		const listed = await trpc<Page>(pro.cookie, "query", "photos.list", { eventId: pro.eventId });
		expect(listed.data.photos[0]?.bibs.map((b) => [b.bib, b.source]).sort()).toEqual([
			["123", "manual"],
			["456", "manual"],
		]);
		await trpc(pro.cookie, "mutation", "photos.setBibs", { photoId: id, bibs: ["456"] });
		const after = await trpc<Page>(pro.cookie, "query", "photos.list", { eventId: pro.eventId });
		expect(after.data.photos[0]?.bibs.map((b) => b.bib)).toEqual(["456"]);

		const [row] = await h.tdb.db.select().from(photos).where(eq(photos.id, id));
		expect(await h.storage.exists(row?.originalKey ?? "")).toBe(true);
		expect((await trpc(pro.cookie, "mutation", "photos.delete", { photoId: id })).status).toBe(200);
		expect(await h.tdb.db.select().from(photos).where(eq(photos.id, id))).toHaveLength(0);
		expect(await h.storage.exists(row?.originalKey ?? "")).toBe(false);
	});

	it("hides another pro's event and photos (NOT_FOUND), and refuses bad bibs", async () => {
		const owner = await proWithPhotos(1);
		const other = await createProWithEvent(h, { credits: 1 });
		const id = owner.ids[0] ?? "";
		expect((await trpc(other.cookie, "query", "photos.list", { eventId: owner.eventId })).code).toBe(
			"NOT_FOUND",
		);
		expect((await trpc(other.cookie, "mutation", "photos.setBibs", { photoId: id, bibs: ["1"] })).code).toBe(
			"NOT_FOUND",
		);
		expect((await trpc(other.cookie, "mutation", "photos.delete", { photoId: id })).code).toBe("NOT_FOUND");
		expect(await h.tdb.db.select().from(photos).where(eq(photos.id, id))).toHaveLength(1);
		expect(
			(await trpc(owner.cookie, "mutation", "photos.setBibs", { photoId: id, bibs: ["12 34"] })).status,
		).toBe(400);
	});

	it("lists only the pro's own events", async () => {
		const a = await createProWithEvent(h, { credits: 1 });
		const b = await createProWithEvent(h, { credits: 1 });
		const mine = await trpc<Array<{ id: string }>>(a.cookie, "query", "events.listMine", undefined);
		expect(mine.data.map((e) => e.id)).toEqual([a.eventId]);
		expect(mine.data.map((e) => e.id)).not.toContain(b.eventId);
	});
});
