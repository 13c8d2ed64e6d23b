import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
	cropKey,
	LocalStorage,
	loadEnv,
	originalKey,
	signMediaKey,
	thumbKey,
	webKey,
} from "@focus-racer/core";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountMediaRoute } from "./media-route.ts";

const origin = "https://photos.example.com";
const secret = "m".repeat(40);
const eventId = "0b6f5c1e-8f5a-4a57-9d1e-3f2b7c1d9e01";
const photoId = "6f1d2c3b-4a59-4e8f-a1b2-c3d4e5f60718";
const thumb = thumbKey({ eventId, photoId, version: "a1b2c3d4e5" });
const original = originalKey({ eventId, photoId, ext: "jpg" });
const web = webKey({ eventId, photoId, version: "a1b2c3d4e5" });
const thumbBytes = randomBytes(50_000);
const originalBytes = randomBytes(300_000);

let root: string;
let storage: LocalStorage;
let app: Hono;

function makeApp(publicUrl: string | undefined): Hono {
	const a = new Hono();
	mountMediaRoute(a, { storage, env: loadEnv(publicUrl ? { PUBLIC_URL: publicUrl } : {}) });
	return a;
}

beforeAll(async () => {
	root = mkdtempSync(path.join(tmpdir(), "focus-racer-media-route-"));
	storage = new LocalStorage({ root, signingSecret: secret });
	await storage.put(thumb, thumbBytes, { contentType: "image/webp" });
	await storage.put(original, originalBytes, { contentType: "image/jpeg" });
	await storage.put(web, randomBytes(1000), { contentType: "image/webp" });
	app = makeApp(origin);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (pathAndQuery: string, headers: Record<string, string> = {}, method = "GET") =>
	app.request(`${origin}${pathAndQuery}`, { method, headers });

function expectMediaHeaders(res: Response) {
	expect(res.headers.get("x-robots-tag")).toBe("noindex");
	expect(res.headers.get("x-content-type-options")).toBe("nosniff");
}

describe("GET /media/* public images", () => {
	it("serves a thumbnail with immutable caching, its type and noindex", async () => {
		const res = await get(`/media/${thumb}`, { referer: `${origin}/e/race/photos` });
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toBe("image/webp");
		expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
		expect(res.headers.get("content-length")).toBe(String(thumbBytes.length));
		expectMediaHeaders(res);
		expect(Buffer.from(await res.arrayBuffer()).equals(thumbBytes)).toBe(true);
	});

	it("answers 304 to a matching If-None-Match, and HEAD without a body", async () => {
		const first = await get(`/media/${thumb}`);
		const etag = first.headers.get("etag");
		expect(etag).toMatch(/^".+"$/);
		await first.arrayBuffer();
		const again = await get(`/media/${thumb}`, { "if-none-match": `W/"other", ${etag}` });
		expect(again.status).toBe(304);
		expect(again.headers.get("cache-control")).toContain("immutable");
		expectMediaHeaders(again);
		const head = await get(`/media/${thumb}`, {}, "HEAD");
		expect(head.status).toBe(200);
		expect(head.headers.get("content-length")).toBe(String(thumbBytes.length));
		expect((await head.arrayBuffer()).byteLength).toBe(0);
	});

	it("allows an empty Referer (direct visits, apps) and our own origin", async () => {
		expect((await get(`/media/${thumb}`)).status).toBe(200);
		expect((await get(`/media/${thumb}`, { referer: "" })).status).toBe(200);
		expect((await get(`/media/${thumb}`, { origin })).status).toBe(200);
	});

	it("refuses hotlinking: a foreign Referer or Origin gets 403", async () => {
		const cases: Record<string, string>[] = [
			{ referer: "https://evil.example.net/gallery" },
			{ referer: "https://photos.example.com.evil.net/" },
			{ referer: "http://photos.example.com:8080/" },
			{ origin: "https://evil.example.net" },
			{ origin: "null" },
			{ referer: "not a url" },
			{ referer: `${origin}/ok`, origin: "https://evil.example.net" },
		];
		for (const headers of cases) {
			const res = await get(`/media/${thumb}`, headers);
			expect(res.status, JSON.stringify(headers)).toBe(403);
			expect(res.headers.get("cache-control")).toBe("no-store");
			expectMediaHeaders(res);
		}
	});

	it("compares with the Host header when PUBLIC_URL is unset", async () => {
		const hostApp = makeApp(undefined);
		const ok = await hostApp.request(`http://192.168.1.20:3000/media/${thumb}`, {
			headers: { host: "192.168.1.20:3000", referer: "http://192.168.1.20:3000/e/race" },
		});
		expect(ok.status).toBe(200);
		const foreign = await hostApp.request(`http://192.168.1.20:3000/media/${thumb}`, {
			headers: { host: "192.168.1.20:3000", referer: "http://evil.test/" },
		});
		expect(foreign.status).toBe(403);
	});

	it("answers 404 for a missing image and for keys that are not keys", async () => {
		const missing = await get(`/media/${thumbKey({ eventId, photoId, version: "ffff" })}`);
		expect(missing.status).toBe(404);
		expectMediaHeaders(missing);
		for (const p of [
			"/media/",
			`/media/events/${eventId}/thumbs/..%2F..%2F..%2Fetc%2Fpasswd`,
			"/media/%2e%2e/%2e%2e/etc/passwd",
			`/media/events/${eventId}/thumbs/.hidden.webp`,
			`/media/events/${eventId}//thumbs/x.webp`,
		]) {
			expect((await get(p)).status, p).toBe(404);
		}
	});
});

describe("GET /media/* private objects", () => {
	it("refuses an original without a signature", async () => {
		const res = await get(`/media/${original}`);
		expect(res.status).toBe(403);
		expectMediaHeaders(res);
		expect((await get(`/media/${original}?exp=9999999999`)).status).toBe(403);
		expect((await get(`/media/${original}?sig=abc`)).status).toBe(403);
	});

	it("serves an original with a valid signature, never cached, as a download when asked", async () => {
		const url = await storage.signedUrl(original, {
			expiresInSeconds: 300,
			downloadName: "Marathon n°42.jpg",
		});
		// A buyer's link clicked in a webmail carries the webmail's Referer: the signature is what counts.
		const res = await get(url, { referer: "https://mail.example.org/" });
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toBe("image/jpeg");
		expect(res.headers.get("cache-control")).toBe("private, no-store");
		expect(res.headers.get("content-disposition")).toBe(
			`attachment; filename="Marathon n_42.jpg"; filename*=UTF-8''Marathon%20n%C2%B042.jpg`,
		);
		expectMediaHeaders(res);
		expect(Buffer.from(await res.arrayBuffer()).equals(originalBytes)).toBe(true);
	});

	it("refuses a tampered or expired signature", async () => {
		const url = new URL(await storage.signedUrl(original, { expiresInSeconds: 300 }), origin);
		const sig = url.searchParams.get("sig") ?? "";
		const exp = Number(url.searchParams.get("exp"));
		expect((await get(`/media/${original}?exp=${exp + 1}&sig=${sig}`)).status).toBe(403);
		expect((await get(`/media/${original}?exp=${exp}&sig=${sig.slice(0, -2)}xx`)).status).toBe(403);
		const otherKey = originalKey({ eventId, photoId: "another", ext: "jpg" });
		expect((await get(`/media/${otherKey}?exp=${exp}&sig=${sig}`)).status).toBe(403);

		const past = Math.floor(Date.now() / 1000) - 10;
		const expired = await get(`/media/${original}?exp=${past}&sig=${signMediaKey(original, past, secret)}`);
		expect(expired.status).toBe(403);
		expect(await expired.text()).toMatch(/expired/);
	});

	it("keeps unwatermarked web images and crops private (signed, browser cache only)", async () => {
		expect((await get(`/media/${web}`)).status).toBe(403);
		const crop = cropKey({ eventId, photoId, faceIndex: 0, version: "1" });
		expect((await get(`/media/${crop}`)).status).toBe(403);
		const res = await get(await storage.signedUrl(web, { expiresInSeconds: 600 }));
		expect(res.status).toBe(200);
		expect(res.headers.get("cache-control")).toMatch(/^private, max-age=(59\d|600)$/);
	});

	it("answers 404 for a validly signed URL of a missing object", async () => {
		const missing = originalKey({ eventId, photoId: "gone", ext: "jpg" });
		expect((await get(await storage.signedUrl(missing, { expiresInSeconds: 60 }))).status).toBe(404);
	});
});
