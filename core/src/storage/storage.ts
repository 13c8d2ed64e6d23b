import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/** What `put` accepts: bytes in memory, a Node stream (busboy, sharp) or a web stream (fetch). */
export type StorageBody = Buffer | Uint8Array | Readable | WebReadableStream<Uint8Array>;

export interface PutOptions {
	contentType: string;
	/**
	 * Stored with the object by the S3 driver (a CDN in front of the bucket uses it); unset: the
	 * default of the key's kind (`cacheControlForKey`). The local driver ignores it: the media
	 * route decides from the key.
	 */
	cacheControl?: string;
}

export interface SignedUrlOptions {
	/** Whole seconds, at most 7 days (the SigV4 limit, kept for both drivers so they behave alike). */
	expiresInSeconds: number;
	/** Makes the browser download the file under this name (Content-Disposition: attachment). */
	downloadName?: string;
}

export interface StorageObjectInfo {
	bytes: number;
	lastModified: Date;
	/** A strong validator, quoted as in an HTTP ETag header. */
	etag: string;
}

/**
 * Where media bytes live. Keys (see media-keys.ts), never URLs, are what the database stores;
 * every method validates its key so no key can escape the storage root.
 */
export interface Storage {
	readonly driver: "local" | "s3";
	/** Replaces any object under the key; readers never see a partial object. */
	put(key: string, body: StorageBody, opts: PutOptions): Promise<{ bytes: number }>;
	/** Throws StorageNotFoundError when the key is missing. */
	get(key: string): Promise<Readable>;
	/** Throws StorageNotFoundError when the key is missing. */
	getBuffer(key: string): Promise<Buffer>;
	/** Throws StorageNotFoundError when the key is missing. */
	stat(key: string): Promise<StorageObjectInfo>;
	exists(key: string): Promise<boolean>;
	/** A missing key is fine. */
	delete(key: string): Promise<void>;
	deleteMany(keys: readonly string[]): Promise<void>;
	/** Deletes every key starting with `prefix` (a plain string prefix, as in S3); returns how many. */
	deletePrefix(prefix: string): Promise<number>;
	/** Every key starting with `prefix`, sorted. */
	list(prefix: string): Promise<string[]>;
	/**
	 * A time-limited URL for a private object (HD original): `/media/<key>?exp=…&sig=…` checked by
	 * the api for the local driver (absolute when PUBLIC_URL is set), a presigned S3 URL otherwise.
	 */
	signedUrl(key: string, opts: SignedUrlOptions): Promise<string>;
	/**
	 * The URL of a public (watermarked or branding) object: `/media/<key>`, served by the api's
	 * media route for both drivers. Throws for keys that are not public (originals).
	 */
	publicUrl(key: string): string;
	/** Whether `exp` + `sig` of a `/media/<key>` request were made by `signedUrl` (local driver only). */
	verifySignedUrl(key: string, exp: string | undefined, sig: string | undefined): boolean;
}

export class StorageNotFoundError extends Error {
	override name = "StorageNotFoundError";
	readonly key: string;

	constructor(key: string, options: { cause?: unknown } = {}) {
		super(`No stored object under "${key}"`, options);
		this.key = key;
	}
}

export class InvalidStorageKeyError extends Error {
	override name = "InvalidStorageKeyError";
}

const maxKeyLength = 1024;
/** One path segment: starts with a letter or digit (so never `.`, `..` or a hidden temp file). */
const segment = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Whether `key` is safe: segments of `[A-Za-z0-9._-]` joined by `/`, no `..`, no leading or empty segment. */
export function isValidStorageKey(key: string): boolean {
	if (key.length === 0 || key.length > maxKeyLength || key.includes("..")) return false;
	return key.split("/").every((part) => segment.test(part));
}

export function assertStorageKey(key: string): void {
	if (!isValidStorageKey(key)) {
		throw new InvalidStorageKeyError(
			`Invalid storage key ${JSON.stringify(key)}: use segments of [A-Za-z0-9._-] joined by "/", with no "..", no leading "/" and no empty segment`,
		);
	}
}

/**
 * A prefix for `list`/`deletePrefix`: the start of a valid key, possibly ending with `/`. An empty
 * prefix is refused for deletion (it would wipe everything) but lists everything.
 */
export function assertStoragePrefix(prefix: string, { allowEmpty }: { allowEmpty: boolean }): void {
	if (prefix === "" && allowEmpty) return;
	const body = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
	if (!isValidStorageKey(body)) {
		throw new InvalidStorageKeyError(
			`Invalid storage prefix ${JSON.stringify(prefix)}: it must be the start of a valid key`,
		);
	}
}

export const maxSignedUrlSeconds = 7 * 24 * 3600;

export function assertExpiresIn(seconds: number): void {
	if (!Number.isInteger(seconds) || seconds < 1 || seconds > maxSignedUrlSeconds) {
		throw new RangeError(`expiresInSeconds must be a whole number between 1 and ${maxSignedUrlSeconds}`);
	}
}

/** Any accepted body as a Node stream. */
export function toNodeReadable(body: Readable | WebReadableStream<Uint8Array>): Readable {
	return body instanceof Readable ? body : Readable.fromWeb(body);
}

export function joinUrl(base: string | undefined, pathname: string): string {
	return base ? `${base.replace(/\/+$/, "")}${pathname}` : pathname;
}
