import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { photoBibs, startListSources } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/factories.ts";
import { createShopEvent } from "../../testing/shop-fixture.ts";
import { testOrigin, trpcCaller } from "../../testing/test-app.ts";
import { createUploadHarness, loginCookie, type UploadHarness } from "../../testing/upload-harness.ts";

let h: UploadHarness;
/** A RunSignup-like registration API on 127.0.0.1: the last request and a switch to refuse keys. */
let platform: Server;
let platformUrl: string;
const seen: URL[] = [];
let refuseKey = false;

beforeAll(async () => {
	h = await createUploadHarness();
	platform = createServer((req, res) => {
		const url = new URL(req.url ?? "/", "http://platform.test");
		seen.push(url);
		if (refuseKey) {
			res.writeHead(200, { "content-type": "application/json" });
			res.end(JSON.stringify({ error: { error_code: 6, error_msg: "Invalid API key" } }));
			return;
		}
		res.writeHead(200, { "content-type": "application/json" });
		res.end(
			JSON.stringify([
				{
					event: { event_id: 1 },
					participants: [
						{ bib_num: "12", user: { first_name: "Zoé", last_name: "Lefèvre", email: "zoe@example.com" } },
						{ bib_num: "13", user: { first_name: "Hugo", last_name: "Martin", email: null } },
					],
				},
			]),
		);
	});
	await new Promise<void>((resolve) => platform.listen(0, "127.0.0.1", resolve));
	platformUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await h.close();
	await new Promise((resolve) => platform.close(resolve));
});

function call<T>(kind: "query" | "mutation", path: string, input?: unknown, cookie?: string) {
	return trpcCaller(h.app)<T>(kind, path, input, cookie);
}

/** A French Excel export: semicolons, Latin-1, a quoted club with a semicolon. */
const frenchCsv = Buffer.from(
	'Dossard;Prénom;Nom;Club\r\n12;José;García;"Club; Annecy"\r\n13;Zoé;Lefèvre;\r\n;Sans;Dossard;\r\n',
	"latin1",
).toString("base64");

describe("start list import", () => {
	it("previews a messy CSV, imports it, links photos already read, and updates by bib on re-import", async () => {
		const shop = await createShopEvent(h, { photos: [["12"], ["13"], ["99"]] });
		const cookie = await loginCookie(h.app, shop.owner);
		const preview = await call<{
			format: { encoding: string; delimiter: string; hasHeader: boolean };
			headers: string[];
			rows: string[][];
			suggestedMapping: Record<string, number>;
		}>("mutation", "startLists.previewCsv", { eventId: shop.eventId, file: frenchCsv }, cookie);
		expect(preview.data.format).toEqual({ encoding: "latin1", delimiter: ";", hasHeader: true });
		expect(preview.data.headers).toEqual(["Dossard", "Prénom", "Nom", "Club"]);
		expect(preview.data.rows[0]).toEqual(["12", "José", "García", "Club; Annecy"]);
		expect(preview.data.suggestedMapping).toMatchObject({ bib: 0, firstName: 1, lastName: 2, club: 3 });

		const imported = await call<{
			created: number;
			updated: number;
			linkedPhotos: number;
			errors: Array<{ line: number; code: string }>;
		}>(
			"mutation",
			"startLists.importCsv",
			{ eventId: shop.eventId, file: frenchCsv, hasHeader: true, mapping: preview.data.suggestedMapping },
			cookie,
		);
		expect(imported.data).toMatchObject({ created: 2, updated: 0, linkedPhotos: 2 });
		expect(imported.data.errors).toEqual([expect.objectContaining({ line: 4, code: "missing_bib" })]);
		const found = await call<{ runner: { firstName: string } | null }>("query", "search.byBib", {
			eventId: shop.eventId,
			bib: "12",
		});
		expect(found.data.runner?.firstName).toBe("José");
		const links = await h.tdb.db.select().from(photoBibs).where(eq(photoBibs.eventId, shop.eventId));
		expect(
			links
				.filter((l) => l.startListEntryId !== null)
				.map((l) => l.bib)
				.sort(),
		).toEqual(["12", "13"]);

		const again = Buffer.from("bib,first name,last name\n12,Josep,Garcia\n14,Nouveau,Coureur\n").toString(
			"base64",
		);
		const reimport = await call<{ created: number; updated: number }>(
			"mutation",
			"startLists.importCsv",
			{ eventId: shop.eventId, file: again, hasHeader: true, mapping: { bib: 0, firstName: 1, lastName: 2 } },
			cookie,
		);
		expect(reimport.data).toMatchObject({ created: 1, updated: 1 });
		const entries = await call<{ entries: Array<{ bib: string; firstName: string }> }>(
			"query",
			"startLists.entries",
			{ eventId: shop.eventId },
			cookie,
		);
		expect(entries.data.entries.map((e) => [e.bib, e.firstName])).toEqual([
			["12", "Josep"],
			["13", "Zoé"],
			["14", "Nouveau"],
		]);
	});

	it("keeps another pro out", async () => {
		const shop = await createShopEvent(h, { photos: [] });
		const stranger = await loginCookie(h.app, await createTestUser(h.tdb.db, { role: "photographer" }));
		expect(
			(await call("mutation", "startLists.previewCsv", { eventId: shop.eventId, file: frenchCsv }, stranger))
				.code,
		).toBe("NOT_FOUND");
		expect((await call("query", "startLists.sources", { eventId: shop.eventId }, stranger)).code).toBe(
			"NOT_FOUND",
		);
		expect((await call("query", "startLists.entries", { eventId: shop.eventId }, stranger)).code).toBe(
			"NOT_FOUND",
		);
		const importing = { eventId: shop.eventId, file: frenchCsv, hasHeader: true, mapping: { bib: 0 } };
		expect((await call("mutation", "startLists.importCsv", importing, stranger)).code).toBe("NOT_FOUND");
		const source = { eventId: shop.eventId, provider: "kms", externalEventId: "1", apiKey: "k" };
		expect((await call("mutation", "startLists.saveSource", source, stranger)).code).toBe("NOT_FOUND");
		const sync = { eventId: shop.eventId, provider: "kms" };
		expect((await call("mutation", "startLists.sync", sync, stranger)).code).toBe("NOT_FOUND");
		// A runner account is not a pro at all.
		const runner = await loginCookie(h.app, await createTestUser(h.tdb.db));
		expect((await call("query", "startLists.sources", { eventId: shop.eventId }, runner)).code).toBe(
			"FORBIDDEN",
		);
	});
});

describe("registration platform connectors", () => {
	it("syncs RunSignup's participants into the start list, never sends the key back, and reports a refused key", async () => {
		const shop = await createShopEvent(h, { photos: [["13"]] });
		const cookie = await loginCookie(h.app, shop.owner);
		const saved = await call<{ sources: Array<{ provider: string; hasApiKey: boolean; apiKey?: string }> }>(
			"mutation",
			"startLists.saveSource",
			{
				eventId: shop.eventId,
				provider: "runsignup",
				baseUrl: platformUrl,
				externalEventId: "4242:1",
				apiKey: "key-1",
				apiSecret: "secret-1",
			},
			cookie,
		);
		expect(saved.data.sources).toEqual([expect.objectContaining({ provider: "runsignup", hasApiKey: true })]);
		expect(JSON.stringify(saved.data)).not.toContain("key-1");
		const synced = await call<{ created: number; linkedPhotos: number }>(
			"mutation",
			"startLists.sync",
			{ eventId: shop.eventId, provider: "runsignup" },
			cookie,
		);
		expect(synced.message).toBeUndefined();
		expect(synced.data).toMatchObject({ created: 2, linkedPhotos: 1 });
		const request = seen.at(-1);
		expect(request?.pathname).toBe("/race/4242/participants");
		expect(request?.searchParams.get("api_key")).toBe("key-1");
		const byName = await call<{ runners: Array<{ bib: string }> }>("query", "search.byName", {
			eventId: shop.eventId,
			query: "lefevre",
		});
		expect(byName.data.runners.map((r) => r.bib)).toEqual(["12"]);

		refuseKey = true;
		try {
			const refused = await call(
				"mutation",
				"startLists.sync",
				{ eventId: shop.eventId, provider: "runsignup" },
				cookie,
			);
			expect(refused.code).toBe("BAD_REQUEST");
			expect(refused.message).toMatch(/key/i);
			const [source] = await h.tdb.db
				.select()
				.from(startListSources)
				.where(eq(startListSources.eventId, shop.eventId));
			expect(source?.lastSyncStatus).toBe("failed");
			expect(source?.lastSyncError).toMatch(/key/i);
			// The code the web translates, beside the platform's own words.
			expect(source?.lastSyncReason).toBe("auth_refused");
		} finally {
			refuseKey = false;
		}
		// The next sync that works clears the reason with the message.
		const again = await call(
			"mutation",
			"startLists.sync",
			{ eventId: shop.eventId, provider: "runsignup" },
			cookie,
		);
		expect(again.message).toBeUndefined();
		const [cleared] = await h.tdb.db
			.select()
			.from(startListSources)
			.where(eq(startListSources.eventId, shop.eventId));
		expect(cleared).toMatchObject({ lastSyncStatus: "succeeded", lastSyncError: null, lastSyncReason: null });
	});

	it("refuses a private or plain-http API address in production", async () => {
		const prod = await createUploadHarness({ NODE_ENV: "production" });
		try {
			const shop = await createShopEvent(prod, { photos: [] });
			const user = await loginCookie(prod.app, shop.owner);
			for (const baseUrl of [
				platformUrl,
				"https://127.0.0.1/api",
				"https://192.168.1.10/api",
				"https://localhost/api",
			]) {
				const res = await prod.app.request(`${testOrigin}/trpc/startLists.saveSource`, {
					method: "POST",
					headers: {
						cookie: user,
						origin: testOrigin,
						"content-type": "application/json",
						"x-forwarded-for": "p",
					},
					body: JSON.stringify({
						eventId: shop.eventId,
						provider: "njuko",
						baseUrl,
						externalEventId: "1",
						apiKey: "k",
					}),
				});
				expect(res.status).toBe(400);
			}
		} finally {
			await prod.close();
		}
	});
});
