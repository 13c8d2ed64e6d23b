import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { originalKey } from "./media-keys.ts";
import { S3Storage, type S3StorageOptions, s3ClientConfig } from "./s3-storage.ts";
import { startTestS3Server, type TestS3Server } from "./test-s3-server.ts";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

let server: TestS3Server;
let options: S3StorageOptions;

beforeAll(async () => {
	server = await startTestS3Server();
	options = {
		bucket: server.bucket,
		region: "us-east-1",
		endpoint: server.endpoint,
		credentials: server.credentials,
		forcePathStyle: true,
		partBytes: 5 * 1024 * 1024,
	};
});
afterAll(async () => {
	await server?.close();
});

/** The names of the S3 commands a storage sends. */
function recordCommands(storage: S3Storage): string[] {
	const names: string[] = [];
	const send = storage.client.send.bind(storage.client);
	vi.spyOn(storage.client, "send").mockImplementation(((command: { constructor: { name: string } }) => {
		names.push(command.constructor.name);
		return send(command as never);
	}) as never);
	return names;
}

describe("S3Storage", () => {
	it("builds its client with checksums only when required (the stream-corruption trap)", async () => {
		const config = s3ClientConfig(options);
		expect(config.requestChecksumCalculation).toBe("WHEN_REQUIRED");
		expect(config.responseChecksumValidation).toBe("WHEN_REQUIRED");
		expect(config.forcePathStyle).toBe(true);
		const client = new S3Client(config);
		expect(await client.config.requestChecksumCalculation()).toBe("WHEN_REQUIRED");
		expect(await client.config.responseChecksumValidation()).toBe("WHEN_REQUIRED");
	});

	it("uploads a long stream in 5 MB+ parts and a short one in a single PutObject", async () => {
		const storage = new S3Storage(options);
		const commands = recordCommands(storage);
		const big = randomBytes(11 * 1024 * 1024);
		await storage.put("mp/big.jpg", Readable.from([big.subarray(0, 3_000_000), big.subarray(3_000_000)]), {
			contentType: "image/jpeg",
		});
		expect(commands).toEqual([
			"CreateMultipartUploadCommand",
			"UploadPartCommand",
			"UploadPartCommand",
			"UploadPartCommand",
			"CompleteMultipartUploadCommand",
		]);
		expect(sha256(await storage.getBuffer("mp/big.jpg"))).toBe(sha256(big));

		commands.length = 0;
		await storage.put("mp/small.jpg", Readable.from([randomBytes(1000)]), { contentType: "image/jpeg" });
		expect(commands).toEqual(["PutObjectCommand"]);
	});

	it("aborts the multipart upload when the stream fails and stores nothing", async () => {
		const storage = new S3Storage(options);
		const commands = recordCommands(storage);
		const failingAfter = (bytes: number) =>
			Readable.from(
				(async function* () {
					yield randomBytes(bytes);
					throw new Error("client went away");
				})(),
			);
		// Fails within the first two parts: nothing was sent to S3 yet.
		await expect(
			storage.put("mp/broken.jpg", failingAfter(6 * 1024 * 1024), { contentType: "image/jpeg" }),
		).rejects.toThrow("client went away");
		expect(commands).toEqual([]);
		// Fails after the multipart upload began: it is aborted.
		await expect(
			storage.put("mp/broken.jpg", failingAfter(12 * 1024 * 1024), { contentType: "image/jpeg" }),
		).rejects.toThrow("client went away");
		expect(commands).toEqual([
			"CreateMultipartUploadCommand",
			"UploadPartCommand",
			"UploadPartCommand",
			"AbortMultipartUploadCommand",
		]);
		expect(await storage.exists("mp/broken.jpg")).toBe(false);
	});

	it("stores the content type and a default Cache-Control by kind", async () => {
		const storage = new S3Storage(options);
		const { HeadObjectCommand } = await import("@aws-sdk/client-s3");
		await storage.put("events/e1/thumbs/p1-a.webp", Buffer.from("t"), { contentType: "image/webp" });
		await storage.put("events/e1/originals/p1.jpg", Buffer.from("o"), { contentType: "image/jpeg" });
		const thumb = await storage.client.send(
			new HeadObjectCommand({ Bucket: server.bucket, Key: "events/e1/thumbs/p1-a.webp" }),
		);
		const original = await storage.client.send(
			new HeadObjectCommand({ Bucket: server.bucket, Key: "events/e1/originals/p1.jpg" }),
		);
		expect(thumb.ContentType).toBe("image/webp");
		expect(thumb.CacheControl).toBe("public, max-age=31536000, immutable");
		expect(original.CacheControl).toBe("private, no-store");
	});

	it("presigns GET URLs that fetch the bytes over HTTP", async () => {
		const storage = new S3Storage(options);
		const key = originalKey({ eventId: "e1", photoId: "p9", ext: "jpg" });
		const data = randomBytes(500_000);
		await storage.put(key, data, { contentType: "image/jpeg" });

		const url = await storage.signedUrl(key, {
			expiresInSeconds: 900,
			downloadName: "Marathon 2026 – n°42.jpg",
		});
		const parsed = new URL(url);
		expect(parsed.origin).toBe(server.endpoint);
		expect(parsed.pathname).toBe(`/${server.bucket}/${key}`);
		expect(parsed.searchParams.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
		expect(parsed.searchParams.get("X-Amz-Expires")).toBe("900");
		expect(parsed.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
		expect(parsed.searchParams.get("X-Amz-Credential")).toMatch(/^S3RVER\//);
		expect(parsed.searchParams.get("response-content-disposition")).toContain("attachment;");

		const res = await fetch(url);
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toBe("image/jpeg");
		expect(res.headers.get("content-disposition")).toBe(
			`attachment; filename="Marathon 2026 _ n_42.jpg"; filename*=UTF-8''Marathon%202026%20%E2%80%93%20n%C2%B042.jpg`,
		);
		expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(sha256(data));
	});

	it("never accepts our own /media signatures (private objects are fetched from the bucket)", () => {
		const storage = new S3Storage(options);
		expect(storage.verifySignedUrl("events/e1/originals/p1.jpg", "9999999999", "x")).toBe(false);
	});
});
