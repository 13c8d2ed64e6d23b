import { inflateRawSync } from "node:zlib";
import { auditLog, favorites, gdprRequests } from "@focus-racer/db";
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

/** The single stored or deflated entry of a small ZIP. */
function onlyEntry(zip: Buffer): string {
	expect(zip.readUInt32LE(0)).toBe(0x04034b50);
	const method = zip.readUInt16LE(8);
	const dataAt = 30 + zip.readUInt16LE(26) + zip.readUInt16LE(28);
	let end = zip.length - 22;
	while (zip.readUInt32LE(end) !== 0x06054b50) end--;
	const central = zip.readUInt32LE(end + 16);
	const size = zip.readUInt32LE(central + 20);
	const data = zip.subarray(dataAt, dataAt + size);
	return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
}

describe("runner account", () => {
	it("updates the runner's profile", async () => {
		const runner = await createTestUser(h.tdb.db);
		const cookie = await loginCookie(h.app, runner);
		const res = await call<{ name: string; locale: string }>(
			"mutation",
			"account.updateProfile",
			{ name: "Zoé Runner", locale: "en" },
			cookie,
		);
		expect(res.data).toMatchObject({ name: "Zoé Runner", locale: "en" });
		await call(
			"mutation",
			"account.updateProfile",
			{ name: "Zoé Runner", phone: "+33 6 12 34 56 78", locale: "en" },
			cookie,
		);
		const profile = await call<{ phone: string | null }>("query", "account.profile", undefined, cookie);
		expect(profile.data.phone).toBe("+33 6 12 34 56 78");
		const me = await call<{ user: { name: string; locale: string } }>("query", "auth.me", undefined, cookie);
		expect(JSON.stringify(me.data)).toContain("Zoé Runner");
		expect((await call("mutation", "account.updateProfile", { name: "", locale: "fr" }, cookie)).code).toBe(
			"BAD_REQUEST",
		);
	});

	it("exports the account's data as a ZIP behind a signed link, recorded and audited", async () => {
		const runner = await createTestUser(h.tdb.db);
		const cookie = await loginCookie(h.app, runner);
		const shop = await createShopEvent(h, { photos: [[]] });
		await h.tdb.db.insert(favorites).values({ userId: runner.id, photoId: shop.photos[0]?.id ?? "" });
		const res = await call<{ requestId: string; downloadUrl: string }>(
			"mutation",
			"account.exportData",
			null,
			cookie,
		);
		const file = await h.app.request(new URL(res.data.downloadUrl, testOrigin).toString());
		expect(file.status).toBe(200);
		const data = JSON.parse(onlyEntry(Buffer.from(await file.arrayBuffer())));
		expect(data.profile.email).toBe(runner.email);
		expect(data.favorites.map((f: { photoId: string }) => f.photoId)).toEqual([shop.photos[0]?.id]);
		expect(JSON.stringify(data)).not.toContain("password");
		const [request] = await h.tdb.db
			.select()
			.from(gdprRequests)
			.where(eq(gdprRequests.id, res.data.requestId));
		expect(request).toMatchObject({ kind: "access", status: "completed" });
		const audits = await h.tdb.db.select().from(auditLog).where(eq(auditLog.actorId, runner.id));
		expect(audits.map((a) => a.action)).toContain("gdpr.access.export");
		const listed = await call<Array<{ kind: string; downloadUrl: string | null }>>(
			"query",
			"account.gdprRequests",
			undefined,
			cookie,
		);
		expect(listed.data).toEqual([
			expect.objectContaining({ kind: "access", downloadUrl: expect.any(String) }),
		]);
		// Another account sees none of it, and a guest cannot ask.
		const other = await loginCookie(h.app, await createTestUser(h.tdb.db));
		expect((await call<unknown[]>("query", "account.gdprRequests", undefined, other)).data).toEqual([]);
		expect((await call("mutation", "account.exportData", null)).code).toBe("UNAUTHORIZED");
	});

	it("records one open deletion request for the admin", async () => {
		const runner = await createTestUser(h.tdb.db);
		const cookie = await loginCookie(h.app, runner);
		const first = await call<{ requestId: string; alreadyRequested: boolean }>(
			"mutation",
			"account.requestDeletion",
			{ message: "Please remove my photos of bib 12" },
			cookie,
		);
		const second = await call<{ requestId: string; alreadyRequested: boolean }>(
			"mutation",
			"account.requestDeletion",
			{},
			cookie,
		);
		expect(second.data).toEqual({ requestId: first.data.requestId, alreadyRequested: true });
		const rows = await h.tdb.db.select().from(gdprRequests).where(eq(gdprRequests.userId, runner.id));
		expect(rows).toEqual([expect.objectContaining({ kind: "deletion", status: "pending" })]);
	});
});
