import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
	AbortMultipartUploadCommand,
	CompleteMultipartUploadCommand,
	CreateMultipartUploadCommand,
	DeleteObjectCommand,
	DeleteObjectsCommand,
	GetObjectCommand,
	HeadObjectCommand,
	ListObjectsV2Command,
	PutObjectCommand,
	S3Client,
	type S3ClientConfig,
	UploadPartCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { cacheControlForKey, contentDisposition, isPublicMediaKey } from "./media-keys.ts";
import {
	assertExpiresIn,
	assertStorageKey,
	assertStoragePrefix,
	joinUrl,
	type PutOptions,
	type SignedUrlOptions,
	type Storage,
	type StorageBody,
	StorageNotFoundError,
	type StorageObjectInfo,
	toNodeReadable,
} from "./storage.ts";

export interface S3StorageOptions {
	bucket: string;
	region: string;
	/** S3-compatible services (MinIO, R2, s3rver in tests). */
	endpoint?: string;
	/** Unset: the SDK's default credential chain. */
	credentials?: { accessKeyId: string; secretAccessKey: string };
	forcePathStyle?: boolean;
	/** PUBLIC_URL: makes public URLs (served by the api's media route) absolute. */
	publicBaseUrl?: string;
	/** Size of multipart parts and the most a stream of unknown length is buffered before going multipart. */
	partBytes?: number;
}

/** S3 parts must be ≥ 5 MiB except the last. */
const minPartBytes = 5 * 1024 * 1024;
const defaultPartBytes = 8 * 1024 * 1024;

/**
 * S3 client options. TRAP (ARCHITECTURE §9): with the SDK's default checksums a stream body is
 * stored corrupted while S3 answers 200; checksums only when an operation requires them (also
 * what R2 and MinIO expect).
 */
export function s3ClientConfig(options: S3StorageOptions): S3ClientConfig {
	return {
		region: options.region,
		...(options.endpoint ? { endpoint: options.endpoint } : {}),
		...(options.credentials ? { credentials: options.credentials } : {}),
		forcePathStyle: options.forcePathStyle ?? false,
		requestChecksumCalculation: "WHEN_REQUIRED",
		responseChecksumValidation: "WHEN_REQUIRED",
	};
}

function isNotFound(error: unknown): boolean {
	const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
	return e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404;
}

/**
 * Media in an S3-compatible bucket. Bodies are always sent as buffers of known length: a Buffer
 * in one PutObject, a stream read into parts of 8 MiB — a single PutObject when it ends within
 * the first part, else a multipart upload (aborted on any error) — so nothing depends on
 * streaming uploads with unknown lengths.
 */
export class S3Storage implements Storage {
	readonly driver = "s3" as const;
	readonly client: S3Client;
	readonly bucket: string;
	readonly #baseUrl: string | undefined;
	readonly #partBytes: number;

	constructor(options: S3StorageOptions, client?: S3Client) {
		this.bucket = options.bucket;
		this.client = client ?? new S3Client(s3ClientConfig(options));
		this.#baseUrl = options.publicBaseUrl;
		this.#partBytes = Math.max(options.partBytes ?? defaultPartBytes, minPartBytes);
	}

	async put(key: string, body: StorageBody, opts: PutOptions): Promise<{ bytes: number }> {
		assertStorageKey(key);
		const meta = {
			Bucket: this.bucket,
			Key: key,
			ContentType: opts.contentType,
			CacheControl: opts.cacheControl ?? cacheControlForKey(key),
		};
		if (body instanceof Uint8Array) {
			await this.client.send(new PutObjectCommand({ ...meta, Body: body, ContentLength: body.byteLength }));
			return { bytes: body.byteLength };
		}
		const parts = readParts(toNodeReadable(body), this.#partBytes);
		const first = await parts.next();
		const firstPart = first.done ? Buffer.alloc(0) : first.value;
		const second = first.done ? first : await parts.next();
		if (second.done) {
			await this.client.send(
				new PutObjectCommand({ ...meta, Body: firstPart, ContentLength: firstPart.byteLength }),
			);
			return { bytes: firstPart.byteLength };
		}
		return this.#multipart(meta, [firstPart, second.value], parts);
	}

	async #multipart(
		meta: { Bucket: string; Key: string; ContentType: string; CacheControl: string },
		firstParts: Buffer[],
		rest: AsyncGenerator<Buffer>,
	): Promise<{ bytes: number }> {
		const { UploadId } = await this.client.send(new CreateMultipartUploadCommand(meta));
		if (!UploadId) throw new Error(`S3 gave no UploadId for ${meta.Key}`);
		const ids = { Bucket: meta.Bucket, Key: meta.Key, UploadId };
		const done: { ETag: string; PartNumber: number }[] = [];
		let bytes = 0;
		const upload = async (part: Buffer) => {
			const PartNumber = done.length + 1;
			const { ETag } = await this.client.send(
				new UploadPartCommand({ ...ids, PartNumber, Body: part, ContentLength: part.byteLength }),
			);
			if (!ETag) throw new Error(`S3 gave no ETag for part ${PartNumber} of ${meta.Key}`);
			done.push({ ETag, PartNumber });
			bytes += part.byteLength;
		};
		try {
			for (const part of firstParts) await upload(part);
			for await (const part of rest) await upload(part);
			await this.client.send(
				new CompleteMultipartUploadCommand({ ...ids, MultipartUpload: { Parts: done } }),
			);
		} catch (error) {
			// Best effort: an upload left open costs storage until a lifecycle rule removes it.
			await this.client.send(new AbortMultipartUploadCommand(ids)).catch(() => {});
			await rest.return(undefined).catch(() => {});
			throw error;
		}
		return { bytes };
	}

	async get(key: string): Promise<Readable> {
		assertStorageKey(key);
		try {
			const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
			if (!Body) throw new Error(`S3 returned no body for ${key}`);
			if (Body instanceof Readable) return Body;
			return Readable.fromWeb(
				// The node:stream/web type, not the DOM one (the web app type-checks this file with DOM libs).
				(Body as { transformToWebStream: () => WebReadableStream }).transformToWebStream(),
			);
		} catch (error) {
			if (isNotFound(error)) throw new StorageNotFoundError(key, { cause: error });
			throw error;
		}
	}

	async getBuffer(key: string): Promise<Buffer> {
		const chunks: Buffer[] = [];
		for await (const chunk of await this.get(key)) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	}

	async stat(key: string): Promise<StorageObjectInfo> {
		assertStorageKey(key);
		try {
			const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
			return {
				bytes: head.ContentLength ?? 0,
				lastModified: head.LastModified ?? new Date(0),
				etag: head.ETag ?? `"${(head.ContentLength ?? 0).toString(16)}"`,
			};
		} catch (error) {
			if (isNotFound(error)) throw new StorageNotFoundError(key, { cause: error });
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
		assertStorageKey(key);
		try {
			await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
		} catch (error) {
			if (!isNotFound(error)) throw error;
		}
	}

	async deleteMany(keys: readonly string[]): Promise<void> {
		for (const key of keys) assertStorageKey(key);
		// DeleteObjects takes at most 1000 keys.
		for (let i = 0; i < keys.length; i += 1000) {
			const batch = keys.slice(i, i + 1000);
			const result = await this.client.send(
				new DeleteObjectsCommand({
					Bucket: this.bucket,
					Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
				}),
			);
			const failed = (result.Errors ?? []).filter((e) => e.Code !== "NoSuchKey");
			if (failed.length > 0) {
				const first = failed[0];
				throw new Error(
					`S3 could not delete ${failed.length} object(s), e.g. ${first?.Key}: ${first?.Code} ${first?.Message ?? ""}`.trim(),
				);
			}
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
		const keys: string[] = [];
		let ContinuationToken: string | undefined;
		do {
			const page = await this.client.send(
				new ListObjectsV2Command({
					Bucket: this.bucket,
					...(prefix ? { Prefix: prefix } : {}),
					...(ContinuationToken ? { ContinuationToken } : {}),
				}),
			);
			for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
			ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
		} while (ContinuationToken);
		return keys.sort();
	}

	async signedUrl(key: string, opts: SignedUrlOptions): Promise<string> {
		assertStorageKey(key);
		assertExpiresIn(opts.expiresInSeconds);
		const command = new GetObjectCommand({
			Bucket: this.bucket,
			Key: key,
			...(opts.downloadName ? { ResponseContentDisposition: contentDisposition(opts.downloadName) } : {}),
		});
		return getSignedUrl(this.client, command, { expiresIn: opts.expiresInSeconds });
	}

	publicUrl(key: string): string {
		assertStorageKey(key);
		if (!isPublicMediaKey(key)) throw new RangeError(`Not a public media key (use signedUrl): ${key}`);
		return joinUrl(this.#baseUrl, `/media/${key}`);
	}

	/** Private objects are fetched from S3 itself with presigned URLs, never through `/media`. */
	verifySignedUrl(_key: string, _exp: string | undefined, _sig: string | undefined): boolean {
		return false;
	}
}

/** The stream cut into buffers of exactly `size` bytes (the last one shorter, never empty). */
async function* readParts(stream: Readable, size: number): AsyncGenerator<Buffer> {
	let pending: Buffer[] = [];
	let pendingBytes = 0;
	for await (const chunk of stream) {
		let data: Buffer =
			typeof chunk === "string"
				? Buffer.from(chunk)
				: Buffer.isBuffer(chunk)
					? chunk
					: Buffer.from(
							(chunk as Uint8Array).buffer,
							(chunk as Uint8Array).byteOffset,
							(chunk as Uint8Array).byteLength,
						);
		while (pendingBytes + data.byteLength >= size) {
			const take = size - pendingBytes;
			pending.push(data.subarray(0, take));
			yield Buffer.concat(pending);
			pending = [];
			pendingBytes = 0;
			data = data.subarray(take);
		}
		if (data.byteLength > 0) {
			pending.push(data);
			pendingBytes += data.byteLength;
		}
	}
	if (pendingBytes > 0) yield Buffer.concat(pending);
}
