import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStorage } from "./local-storage.ts";
import { originalKey, thumbKey } from "./media-keys.ts";
import { S3Storage } from "./s3-storage.ts";
import { InvalidStorageKeyError, type Storage, StorageNotFoundError } from "./storage.ts";
import { startTestS3Server } from "./test-s3-server.ts";

/**
 * The contract every driver keeps, run against both: local disk in a temp dir, and S3 against
 * s3rver in this process. Each test works under its own prefix so tests never see each other.
 */
interface Driver {
	storage: Storage;
	close: () => Promise<void>;
}

const drivers: Record<"local" | "s3", () => Promise<Driver>> = {
	local: async () => {
		const root = mkdtempSync(path.join(tmpdir(), "focus-racer-media-"));
		return {
			storage: new LocalStorage({ root, signingSecret: "x".repeat(32) }),
			close: async () => rmSync(root, { recursive: true, force: true }),
		};
	},
	s3: async () => {
		const server = await startTestS3Server();
		return {
			storage: new S3Storage({
				bucket: server.bucket,
				region: "us-east-1",
				endpoint: server.endpoint,
				credentials: server.credentials,
				forcePathStyle: true,
				// The smallest S3 allows, so a few MB already take the multipart path.
				partBytes: 5 * 1024 * 1024,
			}),
			close: server.close,
		};
	},
};

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

async function readAll(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** A stream of `data` in uneven chunks, as a network would deliver it. */
function chunked(data: Buffer): Readable {
	return Readable.from(
		(function* () {
			let offset = 0;
			let size = 1;
			while (offset < data.length) {
				yield data.subarray(offset, offset + size);
				offset += size;
				size = (size * 7 + 13) % 300_000 || 1;
			}
		})(),
	);
}

let counter = 0;
const freshPrefix = () => `t${Date.now().toString(36)}${counter++}/`;

describe.each(["local", "s3"] as const)("Storage contract: %s driver", (name) => {
	let driver: Driver;
	let storage: Storage;

	beforeAll(async () => {
		driver = await drivers[name]();
		storage = driver.storage;
	});
	afterAll(async () => {
		await driver?.close();
	});

	it("round-trips a Buffer", async () => {
		const key = `${freshPrefix()}photo.jpg`;
		const data = randomBytes(200_000);
		await expect(storage.put(key, data, { contentType: "image/jpeg" })).resolves.toEqual({
			bytes: data.length,
		});
		expect(sha256(await storage.getBuffer(key))).toBe(sha256(data));
		expect(sha256(await readAll(await storage.get(key)))).toBe(sha256(data));
		expect(await storage.exists(key)).toBe(true);
		expect((await storage.stat(key)).bytes).toBe(data.length);
	});

	it("round-trips a Node stream of several MB (multipart on S3)", async () => {
		const key = `${freshPrefix()}big.jpg`;
		const data = randomBytes(12 * 1024 * 1024 + 12_345);
		await expect(storage.put(key, chunked(data), { contentType: "image/jpeg" })).resolves.toEqual({
			bytes: data.length,
		});
		expect(sha256(await readAll(await storage.get(key)))).toBe(sha256(data));
		expect((await storage.stat(key)).bytes).toBe(data.length);
	});

	it("round-trips a short stream and a web ReadableStream", async () => {
		const prefix = freshPrefix();
		const small = randomBytes(70_000);
		await storage.put(`${prefix}small.webp`, chunked(small), { contentType: "image/webp" });
		expect(sha256(await storage.getBuffer(`${prefix}small.webp`))).toBe(sha256(small));

		const web = randomBytes(3 * 1024 * 1024);
		const body = Readable.toWeb(chunked(web)) as ReadableStream<Uint8Array>;
		await expect(storage.put(`${prefix}web.webp`, body, { contentType: "image/webp" })).resolves.toEqual({
			bytes: web.length,
		});
		expect(sha256(await storage.getBuffer(`${prefix}web.webp`))).toBe(sha256(web));
	});

	it("stores empty bodies and replaces an object on a second put", async () => {
		const prefix = freshPrefix();
		await expect(storage.put(`${prefix}empty.bin`, Buffer.alloc(0), { contentType: "x/y" })).resolves.toEqual(
			{
				bytes: 0,
			},
		);
		await expect(
			storage.put(`${prefix}empty2.bin`, Readable.from([]), { contentType: "x/y" }),
		).resolves.toEqual({
			bytes: 0,
		});
		expect((await storage.getBuffer(`${prefix}empty2.bin`)).length).toBe(0);
		await storage.put(`${prefix}a.jpg`, Buffer.from("first version"), { contentType: "image/jpeg" });
		await storage.put(`${prefix}a.jpg`, Buffer.from("second"), { contentType: "image/jpeg" });
		expect((await storage.getBuffer(`${prefix}a.jpg`)).toString()).toBe("second");
	});

	it("throws StorageNotFoundError for a missing key", async () => {
		const key = `${freshPrefix()}missing.jpg`;
		await expect(storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
		await expect(storage.getBuffer(key)).rejects.toBeInstanceOf(StorageNotFoundError);
		await expect(storage.stat(key)).rejects.toBeInstanceOf(StorageNotFoundError);
		await expect(storage.get(key)).rejects.toMatchObject({ key });
		expect(await storage.exists(key)).toBe(false);
		// A "directory" (a prefix of other keys) is not an object either.
		const prefix = freshPrefix();
		await storage.put(`${prefix}dir/file.jpg`, Buffer.from("x"), { contentType: "image/jpeg" });
		await expect(storage.get(`${prefix}dir`)).rejects.toBeInstanceOf(StorageNotFoundError);
		expect(await storage.exists(`${prefix}dir`)).toBe(false);
	});

	it("deletes one key, and a missing key is fine", async () => {
		const key = `${freshPrefix()}gone.jpg`;
		await storage.put(key, Buffer.from("bye"), { contentType: "image/jpeg" });
		await storage.delete(key);
		expect(await storage.exists(key)).toBe(false);
		await expect(storage.delete(key)).resolves.toBeUndefined();
		await expect(storage.deleteMany([key, `${key}.other`])).resolves.toBeUndefined();
	});

	it("lists by prefix, sorted, and deletes many and by prefix", async () => {
		const root = freshPrefix();
		const event = `${root}events/e1/`;
		const keys = [
			`${event}thumbs/p1-a.webp`,
			`${event}thumbs/p2-a.webp`,
			`${event}micro/p1-a.webp`,
			`${event}originals/p1.jpg`,
			`${root}events/e10/thumbs/p9-a.webp`,
			`${root}events/e2/thumbs/p3-a.webp`,
		];
		for (const key of keys) await storage.put(key, Buffer.from(key), { contentType: "image/webp" });

		expect(await storage.list(`${event}thumbs/`)).toEqual([
			`${event}thumbs/p1-a.webp`,
			`${event}thumbs/p2-a.webp`,
		]);
		expect(await storage.list(`${event}thumbs/p1-`)).toEqual([`${event}thumbs/p1-a.webp`]);
		// A plain string prefix, as in S3: "events/e1" also matches "events/e10/…".
		expect(await storage.list(`${root}events/e1`)).toEqual(
			[...keys.slice(0, 4), `${root}events/e10/thumbs/p9-a.webp`].sort(),
		);
		expect(await storage.list(root)).toEqual([...keys].sort());
		expect(await storage.list(`${root}nothing/`)).toEqual([]);

		await storage.deleteMany([`${event}thumbs/p1-a.webp`, `${event}micro/p1-a.webp`]);
		expect(await storage.list(event)).toEqual([`${event}originals/p1.jpg`, `${event}thumbs/p2-a.webp`]);

		expect(await storage.deletePrefix(event)).toBe(2);
		expect(await storage.list(event)).toEqual([]);
		expect(await storage.list(root)).toEqual([
			`${root}events/e10/thumbs/p9-a.webp`,
			`${root}events/e2/thumbs/p3-a.webp`,
		]);
		expect(await storage.deletePrefix(`${root}events/e`)).toBe(2);
		expect(await storage.list(root)).toEqual([]);
	});

	it("rejects keys that could escape the root or are malformed", async () => {
		const bad = [
			"",
			"/etc/passwd",
			"../outside.jpg",
			"events/../../outside.jpg",
			"events/./a.jpg",
			"events//a.jpg",
			"events/a.jpg/",
			".hidden",
			"events/.tmp",
			"a..b.jpg",
			"a b.jpg",
			"a\\b.jpg",
			"événement.jpg",
			"a%2fb.jpg",
			"x".repeat(1025),
		];
		for (const key of bad) {
			await expect(storage.put(key, Buffer.from("x"), { contentType: "x/y" }), key).rejects.toBeInstanceOf(
				InvalidStorageKeyError,
			);
			await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
			await expect(storage.exists(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
			await expect(storage.delete(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
			await expect(storage.signedUrl(key, { expiresInSeconds: 60 }), key).rejects.toBeInstanceOf(
				InvalidStorageKeyError,
			);
		}
		await expect(storage.deleteMany(["ok.jpg", "../bad.jpg"])).rejects.toBeInstanceOf(InvalidStorageKeyError);
		await expect(storage.deletePrefix("")).rejects.toBeInstanceOf(InvalidStorageKeyError);
		await expect(storage.deletePrefix("../")).rejects.toBeInstanceOf(InvalidStorageKeyError);
		await expect(storage.list("/events")).rejects.toBeInstanceOf(InvalidStorageKeyError);
	});

	it("gives public URLs for public keys only, and bounds signed URL lifetimes", async () => {
		const thumb = thumbKey({ eventId: "e1", photoId: "p1", version: "abc" });
		const original = originalKey({ eventId: "e1", photoId: "p1", ext: "jpg" });
		expect(storage.publicUrl(thumb)).toBe(`/media/${thumb}`);
		expect(() => storage.publicUrl(original)).toThrow(/signedUrl/);
		await expect(storage.signedUrl(original, { expiresInSeconds: 0 })).rejects.toBeInstanceOf(RangeError);
		await expect(storage.signedUrl(original, { expiresInSeconds: 8 * 24 * 3600 })).rejects.toBeInstanceOf(
			RangeError,
		);
		await expect(storage.signedUrl(original, { expiresInSeconds: 1.5 })).rejects.toBeInstanceOf(RangeError);
	});
});
