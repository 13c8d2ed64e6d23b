import { randomBytes } from "node:crypto";
import type { Dirent } from "node:fs";
import {
	type FileHandle,
	mkdir,
	open,
	readdir,
	readFile,
	rename,
	rm,
	rmdir,
	stat,
	unlink,
} from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { isPublicMediaKey } from "./media-keys.ts";
import { signMediaKey, verifyMediaSignature } from "./media-signing.ts";
import {
	assertExpiresIn,
	assertStorageKey,
	assertStoragePrefix,
	isValidStorageKey,
	joinUrl,
	type PutOptions,
	type SignedUrlOptions,
	type Storage,
	type StorageBody,
	StorageNotFoundError,
	type StorageObjectInfo,
	toNodeReadable,
} from "./storage.ts";

export interface LocalStorageOptions {
	/** The media root (MEDIA_DIR); created when missing. */
	root: string;
	/** HMAC key of signed URLs (see resolveMediaSigningSecret). */
	signingSecret: string;
	/** PUBLIC_URL: makes signed and public URLs absolute (emails need them so). */
	publicBaseUrl?: string;
	/** Milliseconds since the epoch; tests move time. */
	now?: () => number;
}

const missingCodes = new Set(["ENOENT", "ENOTDIR", "EISDIR"]);

function isMissing(error: unknown): boolean {
	return missingCodes.has((error as NodeJS.ErrnoException).code ?? "");
}

/** How many files are deleted at once by deleteMany. */
const deleteConcurrency = 16;

/**
 * Media on local disk under one root, a key being a relative path. Writes go to a temp file in
 * the target's directory, are fsynced, then renamed over the key: a reader (or a crash) never
 * sees half a file. Temp files start with `.`, which no valid key segment does.
 */
export class LocalStorage implements Storage {
	readonly driver = "local" as const;
	readonly root: string;
	readonly #secret: string;
	readonly #baseUrl: string | undefined;
	readonly #now: () => number;

	constructor(options: LocalStorageOptions) {
		if (options.signingSecret.length < 32) throw new RangeError("The media signing secret is too short");
		this.root = path.resolve(options.root);
		this.#secret = options.signingSecret;
		this.#baseUrl = options.publicBaseUrl;
		this.#now = options.now ?? Date.now;
	}

	/** The file of a key; the key is validated first, and the result checked to stay under the root. */
	pathOf(key: string): string {
		assertStorageKey(key);
		const file = path.join(this.root, ...key.split("/"));
		if (!file.startsWith(this.root + path.sep)) throw new Error(`Key escapes the media root: ${key}`);
		return file;
	}

	async put(key: string, body: StorageBody, _opts: PutOptions): Promise<{ bytes: number }> {
		const file = this.pathOf(key);
		const dir = path.dirname(file);
		const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
		const handle = await openForWrite(dir, temp);
		let bytes = 0;
		try {
			if (body instanceof Uint8Array) {
				await handle.writeFile(body);
				bytes = body.byteLength;
			} else {
				for await (const chunk of toNodeReadable(body)) {
					const data: Uint8Array = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
					await writeAll(handle, data);
					bytes += data.byteLength;
				}
			}
			await handle.sync();
			await handle.close();
		} catch (error) {
			await handle.close().catch(() => {});
			await rm(temp, { force: true });
			throw error;
		}
		try {
			await rename(temp, file);
		} catch (error) {
			await rm(temp, { force: true });
			throw error;
		}
		return { bytes };
	}

	async get(key: string): Promise<Readable> {
		const file = this.pathOf(key);
		let handle: FileHandle;
		try {
			handle = await open(file, "r");
			// Opening a directory succeeds on Linux: it is not an object.
			if (!(await handle.stat()).isFile()) {
				await handle.close();
				throw new StorageNotFoundError(key);
			}
		} catch (error) {
			if (error instanceof StorageNotFoundError) throw error;
			if (isMissing(error)) throw new StorageNotFoundError(key, { cause: error });
			throw error;
		}
		// Opened before returning: a missing key throws here, not later on the stream.
		return handle.createReadStream();
	}

	async getBuffer(key: string): Promise<Buffer> {
		const file = this.pathOf(key);
		try {
			return await readFile(file);
		} catch (error) {
			if (isMissing(error)) throw new StorageNotFoundError(key, { cause: error });
			throw error;
		}
	}

	async stat(key: string): Promise<StorageObjectInfo> {
		const file = this.pathOf(key);
		try {
			const info = await stat(file);
			if (!info.isFile()) throw new StorageNotFoundError(key);
			return {
				bytes: info.size,
				lastModified: info.mtime,
				etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}-${info.ino.toString(16)}"`,
			};
		} catch (error) {
			if (error instanceof StorageNotFoundError) throw error;
			if (isMissing(error)) throw new StorageNotFoundError(key, { cause: error });
			throw error;
		}
	}

	async exists(key: string): Promise<boolean> {
		try {
			await this.stat(key);
			return true;
		} catch (error) {
			if (error instanceof StorageNotFoundError) return false;
			throw error;
		}
	}

	async delete(key: string): Promise<void> {
		const file = this.pathOf(key);
		try {
			await unlink(file);
		} catch (error) {
			if (isMissing(error)) return;
			throw error;
		}
		await this.#pruneEmptyDirs(path.dirname(file));
	}

	async deleteMany(keys: readonly string[]): Promise<void> {
		for (const key of keys) assertStorageKey(key);
		for (let i = 0; i < keys.length; i += deleteConcurrency) {
			await Promise.all(keys.slice(i, i + deleteConcurrency).map((key) => this.delete(key)));
		}
	}

	async deletePrefix(prefix: string): Promise<number> {
		assertStoragePrefix(prefix, { allowEmpty: false });
		const keys = await this.list(prefix);
		await this.deleteMany(keys);
		return keys.length;
	}

	async list(prefix: string): Promise<string[]> {
		assertStoragePrefix(prefix, { allowEmpty: true });
		// Start at the deepest directory the prefix names; deeper ones are entered only when they can match.
		const startRel = prefix.slice(0, prefix.lastIndexOf("/") + 1);
		const keys: string[] = [];
		const walk = async (relDir: string): Promise<void> => {
			let entries: Dirent[];
			try {
				entries = await readdir(path.join(this.root, ...relDir.split("/").filter(Boolean)), {
					withFileTypes: true,
				});
			} catch (error) {
				if (isMissing(error)) return;
				throw error;
			}
			for (const entry of entries) {
				if (entry.name.startsWith(".")) continue;
				const rel = `${relDir}${entry.name}`;
				if (entry.isDirectory()) {
					const asDir = `${rel}/`;
					if (asDir.startsWith(prefix) || prefix.startsWith(asDir)) await walk(asDir);
				} else if (entry.isFile() && rel.startsWith(prefix) && isValidStorageKey(rel)) {
					// (Files put there by hand with names no key can have are not ours to list or delete.)
					keys.push(rel);
				}
			}
		};
		await walk(startRel);
		return keys.sort();
	}

	async signedUrl(key: string, opts: SignedUrlOptions): Promise<string> {
		assertStorageKey(key);
		assertExpiresIn(opts.expiresInSeconds);
		const exp = Math.floor(this.#now() / 1000) + opts.expiresInSeconds;
		const query = new URLSearchParams({ exp: String(exp), sig: signMediaKey(key, exp, this.#secret) });
		if (opts.downloadName) query.set("dl", opts.downloadName);
		return joinUrl(this.#baseUrl, `/media/${key}?${query}`);
	}

	publicUrl(key: string): string {
		assertStorageKey(key);
		if (!isPublicMediaKey(key)) throw new RangeError(`Not a public media key (use signedUrl): ${key}`);
		return joinUrl(this.#baseUrl, `/media/${key}`);
	}

	verifySignedUrl(key: string, exp: string | undefined, sig: string | undefined): boolean {
		return verifyMediaSignature(key, exp, sig, this.#secret, Math.floor(this.#now() / 1000));
	}

	/** Removes directories left empty by a delete, up to the root; stops at the first non-empty one. */
	async #pruneEmptyDirs(dir: string): Promise<void> {
		let current = dir;
		while (current.startsWith(this.root + path.sep)) {
			try {
				await rmdir(current);
			} catch {
				return;
			}
			current = path.dirname(current);
		}
	}
}

/** Creates the temp file; retried because a concurrent delete may prune the fresh directory. */
async function openForWrite(dir: string, temp: string): Promise<FileHandle> {
	for (let attempt = 1; ; attempt++) {
		await mkdir(dir, { recursive: true });
		try {
			return await open(temp, "wx", 0o644);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "ENOENT" || attempt >= 5) throw error;
		}
	}
}

async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
	let offset = 0;
	while (offset < data.byteLength) {
		const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
		offset += bytesWritten;
	}
}
