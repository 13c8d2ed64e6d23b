import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalStorage } from "./local-storage.ts";
import { originalKey } from "./media-keys.ts";
import {
	resolveMediaSigningSecret,
	signingSecretFileName,
	signMediaKey,
	verifyMediaSignature,
} from "./media-signing.ts";

const secret = "s".repeat(40);
let root: string;
let clock: number;
let storage: LocalStorage;

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), "focus-racer-local-"));
	clock = Date.UTC(2026, 10, 1, 12, 0, 0);
	storage = new LocalStorage({ root, signingSecret: secret, now: () => clock });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file under root, hidden temp files included. */
function allFiles(dir = root): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? allFiles(path.join(dir, entry.name))
			: [path.relative(root, path.join(dir, entry.name))],
	);
}

describe("LocalStorage files", () => {
	it("stores a key as a file under the root", async () => {
		await storage.put("events/e1/originals/p1.jpg", Buffer.from("jpeg"), { contentType: "image/jpeg" });
		expect(allFiles()).toEqual([path.join("events", "e1", "originals", "p1.jpg")]);
		expect(storage.pathOf("events/e1/originals/p1.jpg")).toBe(path.join(root, "events/e1/originals/p1.jpg"));
	});

	it("never leaves a half file under the key when the body fails midway", async () => {
		const key = "events/e1/originals/p1.jpg";
		await storage.put(key, Buffer.from("the complete old version"), { contentType: "image/jpeg" });
		const failing = new Readable({
			read() {
				this.push(Buffer.alloc(64 * 1024, 1));
				this.destroy(new Error("connection reset"));
			},
		});
		await expect(storage.put(key, failing, { contentType: "image/jpeg" })).rejects.toThrow(
			"connection reset",
		);
		expect((await storage.getBuffer(key)).toString()).toBe("the complete old version");
		// No temp file left behind.
		expect(allFiles()).toEqual([path.join("events", "e1", "originals", "p1.jpg")]);

		await expect(
			storage.put("events/e1/originals/p2.jpg", failing, { contentType: "image/jpeg" }),
		).rejects.toThrow();
		expect(await storage.exists("events/e1/originals/p2.jpg")).toBe(false);
	});

	it("ignores stray temp files in listings and prunes emptied directories", async () => {
		await storage.put("events/e1/thumbs/p1-a.webp", Buffer.from("x"), { contentType: "image/webp" });
		writeFileSync(path.join(root, "events/e1/thumbs/.p2-a.webp.123.tmp"), "half");
		expect(await storage.list("events/")).toEqual(["events/e1/thumbs/p1-a.webp"]);
		await storage.put("events/e2/thumbs/p1-a.webp", Buffer.from("x"), { contentType: "image/webp" });
		await storage.deletePrefix("events/e2/");
		expect(readdirSync(path.join(root, "events"))).toEqual(["e1"]);
	});

	it("survives concurrent puts of one key (the last rename wins, never a mix)", async () => {
		const key = "events/e1/web/p1-a.webp";
		const bodies = Array.from({ length: 8 }, (_, i) => Buffer.alloc(300_000, i));
		await Promise.all(bodies.map((body) => storage.put(key, body, { contentType: "image/webp" })));
		const stored = await storage.getBuffer(key);
		expect(bodies.some((body) => body.equals(stored))).toBe(true);
		expect(allFiles()).toEqual([path.join("events", "e1", "web", "p1-a.webp")]);
	});
});

describe("LocalStorage signed URLs", () => {
	const key = originalKey({ eventId: "e1", photoId: "p1", ext: "jpg" });

	function parse(url: string) {
		const u = new URL(url, "http://x.test");
		return {
			path: u.pathname,
			exp: u.searchParams.get("exp") ?? undefined,
			sig: u.searchParams.get("sig") ?? undefined,
			dl: u.searchParams.get("dl"),
		};
	}

	it("signs /media/<key> with an expiry that verifies", async () => {
		const url = await storage.signedUrl(key, { expiresInSeconds: 600, downloadName: "Finish line.jpg" });
		const { path: p, exp, sig, dl } = parse(url);
		expect(url.startsWith(`/media/${key}?`)).toBe(true);
		expect(p).toBe(`/media/${key}`);
		expect(Number(exp)).toBe(clock / 1000 + 600);
		expect(sig).toBe(signMediaKey(key, Number(exp), secret));
		expect(dl).toBe("Finish line.jpg");
		expect(storage.verifySignedUrl(key, exp, sig)).toBe(true);
	});

	it("refuses a tampered signature, key or expiry", async () => {
		const { exp, sig } = parse(await storage.signedUrl(key, { expiresInSeconds: 600 }));
		if (!exp || !sig) throw new Error("no exp/sig");
		const flipped = `${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`;
		expect(storage.verifySignedUrl(key, exp, flipped)).toBe(false);
		expect(storage.verifySignedUrl(key, exp, sig.slice(1))).toBe(false);
		expect(storage.verifySignedUrl(key.replace("p1", "p2"), exp, sig)).toBe(false);
		expect(storage.verifySignedUrl(key, String(Number(exp) + 3600), sig)).toBe(false);
		expect(storage.verifySignedUrl(key, `${exp}.0`, sig)).toBe(false);
		expect(storage.verifySignedUrl(key, exp, undefined)).toBe(false);
		expect(storage.verifySignedUrl(key, undefined, sig)).toBe(false);
		const other = new LocalStorage({ root, signingSecret: "o".repeat(40), now: () => clock });
		expect(other.verifySignedUrl(key, exp, sig)).toBe(false);
	});

	it("refuses an expired URL", async () => {
		const { exp, sig } = parse(await storage.signedUrl(key, { expiresInSeconds: 60 }));
		clock += 60_000;
		expect(storage.verifySignedUrl(key, exp, sig)).toBe(true);
		clock += 1_000;
		expect(storage.verifySignedUrl(key, exp, sig)).toBe(false);
		const now = clock / 1000;
		expect(verifyMediaSignature(key, now - 1, signMediaKey(key, now - 1, secret), secret, now)).toBe(false);
		expect(verifyMediaSignature(key, now, signMediaKey(key, now, secret), secret, now)).toBe(true);
	});

	it("makes URLs absolute under PUBLIC_URL", async () => {
		const abs = new LocalStorage({
			root,
			signingSecret: secret,
			publicBaseUrl: "https://photos.example.com/",
		});
		expect(await abs.signedUrl(key, { expiresInSeconds: 60 })).toMatch(
			new RegExp(`^https://photos\\.example\\.com/media/${key}\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}$`),
		);
		expect(abs.publicUrl("events/e1/thumbs/p1-a.webp")).toBe(
			"https://photos.example.com/media/events/e1/thumbs/p1-a.webp",
		);
	});
});

describe("resolveMediaSigningSecret", () => {
	it("uses MEDIA_SIGNING_SECRET when set", () => {
		expect(resolveMediaSigningSecret({ MEDIA_SIGNING_SECRET: secret, DATA_DIR: root })).toBe(secret);
		expect(readdirSync(root)).toEqual([]);
	});

	it("else generates one secret file (0600) that every later call reads back", () => {
		const dataDir = path.join(root, "data");
		const first = resolveMediaSigningSecret({ DATA_DIR: dataDir });
		expect(first.length).toBeGreaterThanOrEqual(32);
		const file = path.join(dataDir, signingSecretFileName);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(resolveMediaSigningSecret({ DATA_DIR: dataDir })).toBe(first);
		expect(readdirSync(dataDir)).toEqual([signingSecretFileName]);
	});

	it("refuses a damaged secret file with a message saying what to do", () => {
		writeFileSync(path.join(root, signingSecretFileName), "short");
		expect(() => resolveMediaSigningSecret({ DATA_DIR: root })).toThrow(/delete it/);
	});
});
