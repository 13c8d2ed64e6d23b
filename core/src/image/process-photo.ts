import { laplacianVariance } from "./blur.ts";
import { decodeImage, fromRaw, greyThumbnail, type RawImage } from "./decode-image.ts";
import { imageSpec } from "./image-spec.ts";
import { inspectImage } from "./inspect-image.ts";
import { normaliseUpload } from "./normalise-upload.ts";
import { downsampleGrey, perceptualHash } from "./phash.ts";
import { greyStats, qualityScore } from "./quality-score.ts";
import { retouchRaw } from "./retouch.ts";
import type { ImageFormat } from "./sniff-format.ts";
import { watermarkLayer } from "./watermark.ts";

export interface ProcessPhotoOptions {
	/** Decompression-bomb guard (MAX_IMAGE_PIXELS). */
	maxPixels?: number;
	/** The platform watermark PNG (admin setting); none: the default "FOCUS RACER" text. */
	watermark?: Uint8Array | null;
	/** Retouch what people look at (web, thumb, micro); the AI input and the hashes stay untouched. */
	autoRetouch?: boolean;
	/** WebP effort 0–6 (default imageSpec.webpEffort). */
	webpEffort?: number;
	/** Also return the decoded 1600 px pixels (for smart crops after the AI step, without a decode). */
	keepDecoded?: boolean;
}

export interface ImageSize {
	width: number;
	height: number;
}

export interface ProcessedPhoto {
	/** Format of the input (HEIC input is converted first and reported as heic). */
	format: ImageFormat;
	/** The original's size as displayed (EXIF orientation applied). */
	width: number;
	height: number;
	/** 1600 px WebP q80, private. */
	web: Buffer;
	/** ≤ 1200 px WebP, watermarked: the public lightbox image. */
	thumb: Buffer;
	/** 400 px WebP for grids, public, cut from the watermarked thumbnail. */
	micro: Buffer;
	/** 1600 px JPEG for the AI engines; never stored. */
	aiInput: Buffer;
	sizes: { web: ImageSize; thumb: ImageSize; micro: ImageSize; aiInput: ImageSize };
	/** 64-bit DCT perceptual hash, 16 lower-case hex digits. */
	phash: string;
	/** Variance of the Laplacian on 256×256 grey; below 30 (setting) is blurry. */
	blurScore: number;
	/** 0–100, see quality-score.ts for the formula. */
	qualityScore: number;
	takenAt: Date | null;
	cameraMake: string | null;
	cameraModel: string | null;
	cameraSerial: string | null;
	/** The decoded pixels when `keepDecoded` was asked (≈5 MB for 1600×1067). */
	decoded: RawImage | null;
}

/**
 * Every derivative of one photo from ONE decode. The header and EXIF are read first (no pixels),
 * then the file is decoded once with JPEG shrink-on-load to ≤ 1600 px, oriented, in 8-bit sRGB;
 * every output is made from those pixels, never from the original again. A 24 MP camera JPEG
 * costs ≈230 ms of CPU (the 1/2-scale decode ≈135 ms of it, the web WebP ≈50 ms), 5.4× less than
 * the old seven pipelines over the original; a 2400 px upload ≈155 ms (`npm run bench:pipeline`).
 *
 * Steps run one after another on purpose: with sharp at one thread per pipeline, a photo uses
 * one core, and the worker's CPU limit (one photo per core) keeps every core busy without
 * oversubscribing them. Throws ImageRejectedError (`corrupt`, `too_many_pixels`, …) for files
 * that do not decode; anything else is a bug or a transient failure.
 */
export async function processPhoto(
	buffer: Buffer,
	options: ProcessPhotoOptions = {},
): Promise<ProcessedPhoto> {
	const maxPixels = options.maxPixels ?? imageSpec.maxPixels;
	const effort = options.webpEffort ?? imageSpec.webpEffort;
	const upload = await normaliseUpload(buffer);
	// The full decode below catches truncation itself: skip inspect's own completeness check.
	const info = await inspectImage(upload.buffer, { maxPixels, checkComplete: false });
	const decoded = await decodeImage(upload.buffer, { maxSize: imageSpec.web.size, maxPixels });
	const size = imageSpec.blur.size;
	const grey = await greyThumbnail(decoded, size);
	const display = options.autoRetouch ? await retouchRaw(decoded, grey) : decoded;

	const web = await fromRaw(display)
		.webp({ quality: imageSpec.web.quality, effort })
		.toBuffer({ resolveWithObject: true });
	const aiInput = await fromRaw(decoded)
		.jpeg({ quality: imageSpec.aiInput.quality })
		.toBuffer({ resolveWithObject: true });

	const thumbPlain = await resizeRaw(display, imageSpec.thumb.size);
	const thumbMarked = await watermarked(thumbPlain, options.watermark);
	const thumb = await fromRaw(thumbMarked)
		.webp({ quality: imageSpec.thumb.quality, effort })
		.toBuffer({ resolveWithObject: true });
	const micro = await fromRaw(thumbMarked)
		.resize(imageSpec.micro.size, imageSpec.micro.size, { fit: "inside", withoutEnlargement: true })
		.webp({ quality: imageSpec.micro.quality, effort })
		.toBuffer({ resolveWithObject: true });

	const blurScore = laplacianVariance(grey, size, size);
	const sizeOf = (o: { info: ImageSize }) => ({ width: o.info.width, height: o.info.height });
	return {
		format: upload.convertedFrom ?? info.format,
		width: info.orientedWidth,
		height: info.orientedHeight,
		web: web.data,
		thumb: thumb.data,
		micro: micro.data,
		aiInput: aiInput.data,
		sizes: { web: sizeOf(web), thumb: sizeOf(thumb), micro: sizeOf(micro), aiInput: sizeOf(aiInput) },
		phash: perceptualHash(downsampleGrey(grey, size, imageSpec.phash.size)),
		blurScore,
		qualityScore: qualityScore(blurScore, greyStats(grey)),
		takenAt: info.takenAt,
		cameraMake: info.cameraMake,
		cameraModel: info.cameraModel,
		cameraSerial: info.cameraSerial,
		decoded: options.keepDecoded ? decoded : null,
	};
}

async function resizeRaw(image: RawImage, maxSize: number): Promise<RawImage> {
	const { data, info } = await fromRaw(image)
		.resize(maxSize, maxSize, { fit: "inside", withoutEnlargement: true })
		.raw({ depth: "uchar" })
		.toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height, channels: image.channels };
}

/** The thumbnail with the (cached) watermark overlay composited, still as pixels. */
async function watermarked(image: RawImage, png: Uint8Array | null | undefined): Promise<RawImage> {
	const layer = await watermarkLayer(image.width, image.height, png);
	const { data, info } = await fromRaw(image)
		.composite([layer])
		.removeAlpha()
		.raw({ depth: "uchar" })
		.toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height, channels: 3 };
}
