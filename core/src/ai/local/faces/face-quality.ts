import { laplacianVariance } from "../../../image/blur.ts";
import type { RgbImage } from "../../../image/decode-rgb.ts";
import type { PixelBox } from "./score-faces.ts";

/**
 * How usable a face is for identity, 0..1: the product of two factors, each 0..1, so a face
 * poor on either count is poor overall (clustering weighs faces by it):
 * - size: the short side of the face box in pixels of the photo, 0 at `minSide` (the faces we
 *   do not embed) rising to 1 at `fullSide` (faceres sees 224 px crops; past ~112 px of real
 *   detail the vector stops improving);
 * - sharpness: variance of the Laplacian of the face resampled to 64×64 grey (so small and
 *   large faces are on one scale), 1 at `sharpVariance` and above, linear below (motion blur
 *   and missed focus wash out the identity).
 * No pose factor: the head angles came from human's face mesh, which the engine does not run
 * (local-faces.ts says why).
 */
export const faceQualitySpec = {
	minSide: 24,
	fullSide: 112,
	sampleSize: 64,
	sharpVariance: 150,
} as const;

function clamp01(value: number): number {
	return Math.min(1, Math.max(0, value));
}

export function sizeFactor(box: PixelBox): number {
	const side = Math.min(box.width, box.height);
	return clamp01((side - faceQualitySpec.minSide) / (faceQualitySpec.fullSide - faceQualitySpec.minSide));
}

/** The face box of `image` as size×size grey (BT.601 luma), bilinear. */
export function faceGrey(
	image: RgbImage,
	box: PixelBox,
	size: number = faceQualitySpec.sampleSize,
): Float32Array {
	const out = new Float32Array(size * size);
	const { data, width, height } = image;
	const luma = (x: number, y: number): number => {
		const i = (Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * 3;
		return 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
	};
	for (let row = 0; row < size; row++) {
		const y = box.y + ((row + 0.5) * box.height) / size - 0.5;
		const y0 = Math.floor(y);
		const fy = y - y0;
		for (let col = 0; col < size; col++) {
			const x = box.x + ((col + 0.5) * box.width) / size - 0.5;
			const x0 = Math.floor(x);
			const fx = x - x0;
			const top = luma(x0, y0) * (1 - fx) + luma(x0 + 1, y0) * fx;
			const bottom = luma(x0, y0 + 1) * (1 - fx) + luma(x0 + 1, y0 + 1) * fx;
			out[row * size + col] = top * (1 - fy) + bottom * fy;
		}
	}
	return out;
}

export function faceSharpness(image: RgbImage, box: PixelBox): number {
	const size = faceQualitySpec.sampleSize;
	return laplacianVariance(faceGrey(image, box, size), size, size);
}

export function sharpnessFactor(variance: number): number {
	return clamp01(variance / faceQualitySpec.sharpVariance);
}

export function faceQuality(image: RgbImage, box: PixelBox): number {
	return sizeFactor(box) * sharpnessFactor(faceSharpness(image, box));
}
