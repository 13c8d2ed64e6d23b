import { Readable } from "node:stream";
import {
	contentDisposition,
	contentTypeForKey,
	type Env,
	immutableCacheControl,
	isPublicMediaKey,
	isValidStorageKey,
	parseMediaKey,
	privateCacheControl,
	type Storage,
	StorageNotFoundError,
} from "@focus-racer/core";
import type { Context, Hono, Env as HonoEnv } from "hono";

export interface MediaRouteDeps {
	storage: Storage;
	env: Pick<Env, "PUBLIC_URL">;
}

/** Headers of every media response, errors included (PRODUCT §8). */
const baseHeaders = {
	"x-robots-tag": "noindex",
	"x-content-type-options": "nosniff",
	// Browsers refuse to embed our media in other sites even when the Referer is stripped.
	"cross-origin-resource-policy": "same-site",
} as const;

/** Signed non-original images (web, crops) may stay in the browser's own cache, at most this long. */
const maxPrivateCacheSeconds = 86_400;

/**
 * `GET /media/<key>`: public keys (watermarked thumbnails, grid thumbnails, branding) for
 * anyone on our pages, cached a year as immutable (their key changes with their content); any
 * other key (HD originals, unwatermarked web images, crops, exports) only with the `exp` + `sig`
 * of `storage.signedUrl`, never cached by shared caches. A public request whose Referer or
 * Origin names another host is refused (hotlinking); an empty Referer passes (direct visits,
 * apps, privacy tools). Signed requests skip that check: the signature is the permission, and
 * a buyer's download link clicked in a webmail carries the webmail's Referer.
 *
 * With the S3 driver public images are proxied through here too, while signed URLs point at
 * the bucket itself (presigned), so `verifySignedUrl` refuses every signature here.
 */
export function mountMediaRoute<E extends HonoEnv>(app: Hono<E>, deps: MediaRouteDeps): void {
	const configuredHost = deps.env.PUBLIC_URL ? new URL(deps.env.PUBLIC_URL).host : undefined;

	app.get("/media/*", async (c) => {
		const key = c.req.path.slice("/media/".length);
		if (!isValidStorageKey(key)) return refuse(c, 404, "Not found.");

		const isPublic = isPublicMediaKey(key);
		const exp = c.req.query("exp");
		if (isPublic) {
			if (!sameHost(c, configuredHost)) return refuse(c, 403, "Hotlinking is not allowed.");
		} else if (!deps.storage.verifySignedUrl(key, exp, c.req.query("sig"))) {
			return refuse(c, 403, "This link is invalid or has expired.");
		}

		let info: Awaited<ReturnType<Storage["stat"]>>;
		try {
			info = await deps.storage.stat(key);
		} catch (error) {
			if (error instanceof StorageNotFoundError) return refuse(c, 404, "Not found.");
			throw error;
		}

		const headers: Record<string, string> = {
			...baseHeaders,
			"content-type": contentTypeForKey(key),
			"cache-control": isPublic ? immutableCacheControl : privateCache(key, exp),
			etag: info.etag,
			"last-modified": info.lastModified.toUTCString(),
		};
		const downloadName = c.req.query("dl");
		if (!isPublic && downloadName) headers["content-disposition"] = contentDisposition(downloadName);

		if (isPublic && etagMatches(c.req.header("if-none-match"), info.etag)) {
			return new Response(null, { status: 304, headers });
		}
		headers["content-length"] = String(info.bytes);
		if (c.req.method === "HEAD") return new Response(null, { status: 200, headers });

		let stream: Readable;
		try {
			stream = await deps.storage.get(key);
		} catch (error) {
			// Deleted between stat and get.
			if (error instanceof StorageNotFoundError) return refuse(c, 404, "Not found.");
			throw error;
		}
		return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: 200, headers });
	});
}

function refuse(c: Context, status: 403 | 404, message: string): Response {
	return c.text(message, status, { ...baseHeaders, "cache-control": "no-store" });
}

/** Originals and exports: never stored. Signed derived images: the browser may keep them until the link expires. */
function privateCache(key: string, exp: string | undefined): string {
	const kind = parseMediaKey(key)?.kind;
	if (kind === undefined || kind === "originals") return privateCacheControl;
	const remaining = Number(exp) - Math.floor(Date.now() / 1000);
	if (!Number.isFinite(remaining) || remaining <= 0) return privateCacheControl;
	return `private, max-age=${Math.min(remaining, maxPrivateCacheSeconds)}`;
}

/** True when neither Referer nor Origin names another host than ours (PUBLIC_URL, else Host). */
function sameHost(c: Context, configuredHost: string | undefined): boolean {
	const expected = configuredHost ?? c.req.header("host");
	for (const header of ["referer", "origin"] as const) {
		const value = c.req.header(header);
		if (value === undefined || value === "") continue;
		let host: string;
		try {
			host = new URL(value).host;
		} catch {
			return false; // Includes `Origin: null` (sandboxed frames, file: pages).
		}
		if (!expected || host !== expected) return false;
	}
	return true;
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === "*") return true;
	const bare = etag.replace(/^W\//, "");
	return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}
