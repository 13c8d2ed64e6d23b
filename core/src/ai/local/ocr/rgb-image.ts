import type { RgbImage } from "../../../image/decode-rgb.ts";
import { createSharp } from "../../../image/sharp.ts";
import { enlargeBicubic } from "./enlarge-bicubic.ts";

/** A rectangle in pixels of an image (x, y: top-left corner). */
export interface PixelRect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Clamps a rectangle to the image and rounds it to whole pixels (at least 1×1). */
export function clampRect(rect: PixelRect, width: number, height: number): PixelRect {
	const left = Math.min(width - 1, Math.max(0, Math.floor(rect.x)));
	const top = Math.min(height - 1, Math.max(0, Math.floor(rect.y)));
	const right = Math.max(left + 1, Math.min(width, Math.ceil(rect.x + rect.width)));
	const bottom = Math.max(top + 1, Math.min(height, Math.ceil(rect.y + rect.height)));
	return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Cuts `rect` (clamped to the image) and resizes it to exactly outWidth×outHeight. libvips
 * shrinks with an antialiasing kernel (lanczos3), which a nearest/bilinear JS loop would not do
 * when a big photo is shrunk for the detector. Enlargements (about half the detector's torso
 * crops and half the text lines at 1600 px) give the same bytes from enlarge-bicubic.ts at a
 * fraction of sharp's cost.
 */
export async function cropResizeRgb(
	image: RgbImage,
	rect: PixelRect,
	outWidth: number,
	outHeight: number,
): Promise<RgbImage> {
	const area = clampRect(rect, image.width, image.height);
	const width = Math.max(1, Math.round(outWidth));
	const height = Math.max(1, Math.round(outHeight));
	if (width >= area.width && height >= area.height) return enlargeBicubic(image, area, width, height);
	const data = await createSharp(image.data, {
		raw: { width: image.width, height: image.height, channels: 3 },
	})
		.extract({ left: area.x, top: area.y, width: area.width, height: area.height })
		.resize(width, height, { fit: "fill" })
		.raw({ depth: "uchar" })
		.toBuffer();
	return { data, width, height };
}
