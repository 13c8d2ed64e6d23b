import { readCameraExif } from "./exif.ts";
import { ImageRejectedError, rejectionFromSharpError, tooManyPixelsError } from "./image-rejected-error.ts";
import { imageSpec } from "./image-spec.ts";
import { acceptedFormatOf } from "./normalise-upload.ts";
import { createSharp, type SharpMetadata } from "./sharp.ts";
import type { ImageFormat } from "./sniff-format.ts";

export interface ImageInfo {
	format: ImageFormat;
	/** As stored (EXIF orientation not applied). */
	width: number;
	height: number;
	/** As displayed (EXIF orientation applied): what the web lays out. */
	orientedWidth: number;
	orientedHeight: number;
	hasAlpha: boolean;
	pages: number;
	takenAt: Date | null;
	cameraMake: string | null;
	cameraModel: string | null;
	cameraSerial: string | null;
}

export interface InspectImageOptions {
	/** Decompression-bomb guard, checked on the header before any pixel is decoded. */
	maxPixels?: number;
	/**
	 * Verify a JPEG/PNG without its end marker decodes (default true). processPhoto turns it off:
	 * its full decode fails on truncation anyway.
	 */
	checkComplete?: boolean;
}

/**
 * Whether a file is a photo we can process, from its header and EXIF only (a few ms), so the
 * api can refuse it before a credit is charged. Throws ImageRejectedError with a stable reason.
 * A JPEG or PNG whose end marker is missing (cut-off upload) gets one extra check: a 1/8-scale
 * decode (JPEG shrink-on-load), so a truncated file is refused here rather than charged.
 */
export async function inspectImage(
	buffer: Uint8Array,
	options: InspectImageOptions = {},
): Promise<ImageInfo> {
	const maxPixels = options.maxPixels ?? imageSpec.maxPixels;
	const format = await acceptedFormatOf(buffer);
	let meta: SharpMetadata;
	try {
		// Header only: no pixel limit here, so the message below can say how big the image is.
		meta = await createSharp(buffer, { limitInputPixels: false }).metadata();
	} catch (err) {
		throw rejectionFromSharpError(err);
	}
	const pages = meta.pages ?? 1;
	if (pages > 1 && (format === "webp" || format === "avif")) throw new ImageRejectedError("animated");
	// Multi-page TIFF/HEIF: the first (primary) page is the photo; its size is what gets decoded.
	const height = meta.pageHeight ?? meta.height;
	if (meta.width * height > maxPixels) throw tooManyPixelsError(meta.width, height, maxPixels);
	if (options.checkComplete !== false && !hasEndMarker(buffer, format))
		await assertDecodes(buffer, maxPixels);
	const swapped = (meta.orientation ?? 1) >= 5;
	// HEIC: libvips may not hand over the EXIF of a codec it cannot decode; exifr reads the file.
	const exif = await readCameraExif(format === "heic" ? buffer : meta.exif);
	return {
		format,
		width: meta.width,
		height,
		orientedWidth: swapped ? height : meta.width,
		orientedHeight: swapped ? meta.width : height,
		hasAlpha: meta.hasAlpha,
		pages,
		...exif,
	};
}

/** JPEG ends with EOI (FFD9), PNG with an IEND chunk; a few padding bytes after them are tolerated. */
export function hasEndMarker(buffer: Uint8Array, format: ImageFormat): boolean {
	const tail = buffer.subarray(Math.max(0, buffer.length - 64));
	if (format === "jpeg") {
		for (let i = tail.length - 2; i >= 0; i--) {
			if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
		}
		return false;
	}
	if (format === "png") return Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).includes("IEND");
	return true; // other formats: sharp's own checks at processing time.
}

/** A cheap full pass over the compressed data: JPEG decodes at 1/8 scale (DCT scaling). */
async function assertDecodes(buffer: Uint8Array, maxPixels: number): Promise<void> {
	try {
		await createSharp(buffer, { failOn: "error", limitInputPixels: maxPixels, sequentialRead: true })
			.resize(64, 64, { fit: "inside" })
			.raw()
			.toBuffer();
	} catch (err) {
		throw rejectionFromSharpError(err);
	}
}
