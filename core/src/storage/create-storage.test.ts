import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "../config/env.ts";
import { createStorage } from "./create-storage.ts";
import { LocalStorage } from "./local-storage.ts";
import { S3Storage } from "./s3-storage.ts";

let dataDir: string;
beforeEach(() => {
	dataDir = mkdtempSync(path.join(tmpdir(), "focus-racer-data-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe("storage env", () => {
	it("defaults to local storage under DATA_DIR/media with a generated signing secret", () => {
		const env = loadEnv({ DATA_DIR: dataDir });
		expect(env.STORAGE_DRIVER).toBe("local");
		expect(env.S3_REGION).toBe("us-east-1");
		expect(env.S3_FORCE_PATH_STYLE).toBe(false);
		const storage = createStorage(env);
		expect(storage).toBeInstanceOf(LocalStorage);
		expect((storage as LocalStorage).root).toBe(path.resolve(dataDir, "media"));
	});

	it("uses MEDIA_DIR when set, and PUBLIC_URL for absolute URLs", async () => {
		const mediaDir = path.join(dataDir, "elsewhere");
		const storage = createStorage(
			loadEnv({ DATA_DIR: dataDir, MEDIA_DIR: mediaDir, PUBLIC_URL: "https://photos.example.com" }),
		);
		expect((storage as LocalStorage).root).toBe(mediaDir);
		expect(await storage.signedUrl("events/e/originals/p.jpg", { expiresInSeconds: 60 })).toMatch(
			/^https:\/\/photos\.example\.com\/media\/events\/e\/originals\/p\.jpg\?exp=/,
		);
	});

	it("explains bad values by variable name", () => {
		expect(() => loadEnv({ STORAGE_DRIVER: "ftp" })).toThrow(/STORAGE_DRIVER: must be "local" or "s3"/);
		expect(() => loadEnv({ MEDIA_SIGNING_SECRET: "short" })).toThrow(
			/MEDIA_SIGNING_SECRET: must be at least 32/,
		);
		expect(() => loadEnv({ S3_ENDPOINT: "not a url" })).toThrow(/S3_ENDPOINT: must be a URL/);
		expect(() => loadEnv({ S3_FORCE_PATH_STYLE: "maybe" })).toThrow(/S3_FORCE_PATH_STYLE/);
	});

	it("needs S3_BUCKET for the s3 driver, and both keys or neither", () => {
		expect(() => createStorage(loadEnv({ STORAGE_DRIVER: "s3" }))).toThrow(EnvError);
		expect(() => createStorage(loadEnv({ STORAGE_DRIVER: "s3" }))).toThrow(/S3_BUCKET/);
		expect(() =>
			createStorage(loadEnv({ STORAGE_DRIVER: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k" })),
		).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
		const storage = createStorage(
			loadEnv({
				STORAGE_DRIVER: "s3",
				S3_BUCKET: "photos",
				S3_ENDPOINT: "http://127.0.0.1:9000",
				S3_ACCESS_KEY_ID: "k",
				S3_SECRET_ACCESS_KEY: "s",
				S3_FORCE_PATH_STYLE: "true",
			}),
		);
		expect(storage).toBeInstanceOf(S3Storage);
		expect((storage as S3Storage).bucket).toBe("photos");
	});
});
