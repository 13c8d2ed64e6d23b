import { createHash } from "node:crypto";
import { assertStorageKey } from "./storage.ts";

/**
 * The only place where the shape of a media key is written. Everything of an event lives under
 * `events/{eventId}/` so deleting an event is one `deletePrefix`. Derived images carry a short
 * version in their name: a regenerated image gets a new key, so every public key can be cached
 * for a year as immutable.
 */
export const mediaKinds = ["originals", "web", "thumbs", "micro", "crops", "branding", "ai"] as const;
export type MediaKind = (typeof mediaKinds)[number];

/**
 * Served without a signature. PRODUCT §8: only watermarked images are public — the watermarked
 * thumbnail, the 400 px grid thumbnail and the event's branding. `web` (1600 px, no watermark)
 * and `crops` (800 px face crops, no watermark) stay private like the originals: signed URLs only.
 */
export const publicMediaKinds: readonly MediaKind[] = ["thumbs", "micro", "branding"];

export const immutableCacheControl = "public, max-age=31536000, immutable";
export const privateCacheControl = "private, no-store";

interface PhotoRef {
	eventId: string;
	photoId: string;
}

interface Versioned {
	/** From `mediaVersion(bytes)` or a counter bumped on each regeneration. */
	version: string | number;
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const versionPattern = /^[A-Za-z0-9]{1,32}$/;
const extPattern = /^[a-z0-9]{1,8}$/;
const namePattern = /^[a-z0-9][a-z0-9_]{0,63}$/;

function id(label: string, value: string): string {
	if (!idPattern.test(value)) throw new RangeError(`${label} ${JSON.stringify(value)} is not a valid id`);
	return value;
}

function version(value: string | number): string {
	const text = String(value);
	if (!versionPattern.test(text)) {
		throw new RangeError(`Media version ${JSON.stringify(text)} must be 1-32 letters or digits`);
	}
	return text;
}

function extension(value: string): string {
	const ext = value.replace(/^\./, "").toLowerCase();
	if (!extPattern.test(ext)) throw new RangeError(`File extension ${JSON.stringify(value)} is not valid`);
	return ext === "jpeg" ? "jpg" : ext;
}

function built(key: string): string {
	assertStorageKey(key);
	return key;
}

/** 10 hex digits of SHA-256: enough to tell versions of one image apart. */
export function mediaVersion(content: Uint8Array | string): string {
	return createHash("sha256").update(content).digest("hex").slice(0, 10);
}

export function eventMediaPrefix(eventId: string): string {
	return `events/${id("eventId", eventId)}/`;
}

export function mediaKindPrefix(eventId: string, kind: MediaKind): string {
	return `${eventMediaPrefix(eventId)}${kind}/`;
}

/** The HD original as uploaded (`ext` from its type: jpg, png, heic…). Private. */
export function originalKey(ref: PhotoRef & { ext: string }): string {
	return built(
		`${mediaKindPrefix(ref.eventId, "originals")}${id("photoId", ref.photoId)}.${extension(ref.ext)}`,
	);
}

/** 1600 px WebP without watermark. Private (signed URLs). */
export function webKey(ref: PhotoRef & Versioned): string {
	return built(
		`${mediaKindPrefix(ref.eventId, "web")}${id("photoId", ref.photoId)}-${version(ref.version)}.webp`,
	);
}

/** ≤ 1200 px watermarked WebP (the lightbox). Public. */
export function thumbKey(ref: PhotoRef & Versioned): string {
	return built(
		`${mediaKindPrefix(ref.eventId, "thumbs")}${id("photoId", ref.photoId)}-${version(ref.version)}.webp`,
	);
}

/** 400 px WebP for grids. Public. */
export function microKey(ref: PhotoRef & Versioned): string {
	return built(
		`${mediaKindPrefix(ref.eventId, "micro")}${id("photoId", ref.photoId)}-${version(ref.version)}.webp`,
	);
}

/** Smart crop of one face (800 px WebP). Private (no watermark). */
export function cropKey(ref: PhotoRef & Versioned & { faceIndex: number }): string {
	if (!Number.isInteger(ref.faceIndex) || ref.faceIndex < 0) {
		throw new RangeError(`faceIndex must be a whole number ≥ 0, got ${ref.faceIndex}`);
	}
	return built(
		`${mediaKindPrefix(ref.eventId, "crops")}${id("photoId", ref.photoId)}-${ref.faceIndex}-${version(ref.version)}.webp`,
	);
}

/** The AI input when it must be persisted (e.g. a JPEG for a cloud provider). Private. */
export function aiInputKey(ref: PhotoRef & Versioned & { ext: string }): string {
	return built(
		`${mediaKindPrefix(ref.eventId, "ai")}${id("photoId", ref.photoId)}-${version(ref.version)}.${extension(ref.ext)}`,
	);
}

/** Event poster, logo, watermark… (`name` such as `poster`, `logo`, `watermark`). Public. */
export function brandingKey(ref: { eventId: string; name: string; ext: string } & Versioned): string {
	if (!namePattern.test(ref.name)) {
		throw new RangeError(`Branding name ${JSON.stringify(ref.name)} must be lower-case letters, digits or _`);
	}
	return built(
		`${mediaKindPrefix(ref.eventId, "branding")}${ref.name}-${version(ref.version)}.${extension(ref.ext)}`,
	);
}

/** Platform-wide files set by the admin (`name` such as `watermark`). Private: the worker reads them. */
export function platformKey(ref: { name: string; ext: string } & Versioned): string {
	if (!namePattern.test(ref.name)) {
		throw new RangeError(
			`Platform file name ${JSON.stringify(ref.name)} must be lower-case letters, digits or _`,
		);
	}
	return built(`platform/${ref.name}-${version(ref.version)}.${extension(ref.ext)}`);
}

/** A GDPR access export (`gdpr/{requestId}/…`). Private. */
export function gdprExportKey(ref: { requestId: string; version: string | number }): string {
	return built(`gdpr/${id("requestId", ref.requestId)}/export-${version(ref.version)}.zip`);
}

/**
 * Prefixes holding every derived file of one photo, whatever its version: list them to find the
 * old versions (or orphans) left after a regeneration, or delete them with the photo.
 */
export function photoDerivedPrefixes(ref: PhotoRef): string[] {
	const photo = id("photoId", ref.photoId);
	return (["web", "thumbs", "micro", "crops", "ai"] as const).map(
		(kind) => `${mediaKindPrefix(ref.eventId, kind)}${photo}-`,
	);
}

export interface ParsedMediaKey {
	eventId: string;
	kind: MediaKind;
	/** The file name inside the kind's folder. */
	name: string;
}

const eventKeyPattern = /^events\/([^/]+)\/([^/]+)\/([^/]+)$/;

/** `events/{eventId}/{kind}/{name}` split into its parts; null for any other key. */
export function parseMediaKey(key: string): ParsedMediaKey | null {
	const match = eventKeyPattern.exec(key);
	if (!match) return null;
	const [, eventId, kind, name] = match;
	if (!eventId || !name || !(mediaKinds as readonly string[]).includes(kind ?? "")) return null;
	return { eventId, kind: kind as MediaKind, name };
}

/** Whether the key may be served without a signature (watermarked images and branding). */
export function isPublicMediaKey(key: string): boolean {
	const parsed = parseMediaKey(key);
	return parsed !== null && publicMediaKinds.includes(parsed.kind);
}

/** The Cache-Control an object gets by default: a year for public (versioned) keys, none otherwise. */
export function cacheControlForKey(key: string): string {
	return isPublicMediaKey(key) ? immutableCacheControl : privateCacheControl;
}

const contentTypes: Record<string, string> = {
	jpg: "image/jpeg",
	jpeg: "image/jpeg",
	png: "image/png",
	webp: "image/webp",
	avif: "image/avif",
	gif: "image/gif",
	heic: "image/heic",
	heif: "image/heif",
	tif: "image/tiff",
	tiff: "image/tiff",
	zip: "application/zip",
	json: "application/json",
	csv: "text/csv; charset=utf-8",
	pdf: "application/pdf",
};

/**
 * The Content-Type of a key from its extension. Anything else (SVG included: it can carry
 * scripts) is `application/octet-stream`, which browsers never render inline under nosniff.
 */
export function contentTypeForKey(key: string): string {
	const dot = key.lastIndexOf(".");
	const ext = dot === -1 ? "" : key.slice(dot + 1).toLowerCase();
	return contentTypes[ext] ?? "application/octet-stream";
}

/**
 * `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266), safe against
 * header injection whatever the name holds.
 */
export function contentDisposition(downloadName: string): string {
	// Per code point (never half a surrogate pair, which encodeURIComponent would throw on).
	const cleaned =
		Array.from(downloadName.toWellFormed(), (ch) =>
			ch.charCodeAt(0) < 0x20 || ch === "\u007f" || ch === "/" || ch === "\\" ? "_" : ch,
		)
			.slice(0, 200)
			.join("") || "download";
	const ascii = Array.from(cleaned, (ch) => (/^[A-Za-z0-9._ -]$/.test(ch) ? ch : "_")).join("");
	const encoded = encodeURIComponent(cleaned).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
