import { decodeImage, fromRaw, type RawImage } from "./decode-image.ts";
import { rejectionFromSharpError } from "./image-rejected-error.ts";
import { imageSpec } from "./image-spec.ts";
import { createSharp, type SharpMetadata } from "./sharp.ts";

/** A face box as the AI engines give it: fractions (0..1) of the displayed (oriented) image. */
export interface FaceBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface CropRegion {
	left: number;
	top: number;
	width: number;
	height: number;
}

export interface CropAroundFaceOptions {
	maxPixels?: number;
	/** Long side of the crop (never enlarged). */
	size?: number;
	quality?: number;
	webpEffort?: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));

/**
 * The padded region around a face in pixels of a width×height image. PRODUCT §3: 80 % of the
 * face width on each side, 50 % of its height above, 200 % below (the bib sits on the chest),
 * clamped to the image.
 */
export function cropRegion(box: FaceBox, width: number, height: number): CropRegion {
	const { side, top, bottom } = imageSpec.crop.padding;
	const x0 = clamp01(box.x - side * box.width);
	const x1 = clamp01(box.x + box.width + side * box.width);
	const y0 = clamp01(box.y - top * box.height);
	const y1 = clamp01(box.y + box.height + bottom * box.height);
	// The epsilon keeps 919.9999999 (fractions of thirds) on pixel 920.
	const left = Math.min(width - 1, Math.floor(x0 * width + 1e-6));
	const topPx = Math.min(height - 1, Math.floor(y0 * height + 1e-6));
	return {
		left,
		top: topPx,
		width: Math.max(1, Math.min(width - left, Math.ceil(x1 * width - 1e-6) - left)),
		height: Math.max(1, Math.min(height - topPx, Math.ceil(y1 * height - 1e-6) - topPx)),
	};
}

/**
 * One 800 px WebP per face, from ONE decode of the photo: the original is decoded (with
 * shrink-on-load) just large enough that the biggest crop reaches 800 px, so a runner far in
 * the background is cut from full-resolution pixels and a close-up from a cheap 1/4 decode.
 * `source` may also be pixels already decoded (processPhoto's 1600 px raw): no decode at all.
 */
export async function cropAroundFaces(
	source: Uint8Array | RawImage,
	boxes: readonly FaceBox[],
	options: CropAroundFaceOptions = {},
): Promise<Buffer[]> {
	if (boxes.length === 0) return [];
	const size = options.size ?? imageSpec.crop.size;
	const image = isRaw(source)
		? source
		: await decodeForCrops(source, boxes, size, options.maxPixels ?? imageSpec.maxPixels);
	const crops: Buffer[] = [];
	for (const box of boxes) {
		crops.push(
			await fromRaw(image)
				.extract(cropRegion(box, image.width, image.height))
				.resize(size, size, { fit: "inside", withoutEnlargement: true })
				.webp({
					quality: options.quality ?? imageSpec.crop.quality,
					effort: options.webpEffort ?? imageSpec.webpEffort,
				})
				.toBuffer(),
		);
	}
	return crops;
}

export async function cropAroundFace(
	source: Uint8Array | RawImage,
	box: FaceBox,
	options: CropAroundFaceOptions = {},
): Promise<Buffer> {
	const [crop] = await cropAroundFaces(source, [box], options);
	if (!crop) throw new Error("cropAroundFace: no crop produced");
	return crop;
}

function isRaw(source: Uint8Array | RawImage): source is RawImage {
	return !(source instanceof Uint8Array);
}

async function decodeForCrops(
	source: Uint8Array,
	boxes: readonly FaceBox[],
	size: number,
	maxPixels: number,
) {
	let meta: SharpMetadata;
	try {
		meta = await createSharp(source).metadata();
	} catch (err) {
		throw rejectionFromSharpError(err);
	}
	const { width, height } = meta.autoOrient;
	// Scale at which the largest padded region is `size` px long (capped at full resolution).
	let scale = 0;
	for (const box of boxes) {
		const region = cropRegion(box, width, height);
		scale = Math.max(scale, size / Math.max(region.width, region.height));
	}
	const longSide = Math.max(width, height);
	return decodeImage(source, {
		maxSize: Math.min(longSide, Math.ceil(longSide * Math.min(1, scale))),
		maxPixels,
	});
}
