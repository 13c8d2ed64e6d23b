import { fromRaw, greyThumbnail, type RawImage } from "./decode-image.ts";
import { imageSpec } from "./image-spec.ts";
import type { Sharp } from "./sharp.ts";

type Matrix3 = [[number, number, number], [number, number, number], [number, number, number]];

/** How to retouch one photo: levels from its own histogram, the rest fixed. */
export interface RetouchPlan {
	/** out = in × multiply + add, per channel (levels stretch × brightness). */
	multiply: number;
	add: number;
}

/** Rec.601 luma weights: the grey that saturation turns around. */
const luma = [0.299, 0.587, 0.114] as const;

/** Saturation as an RGB matrix: s·I + (1 − s)·luma (hue and grey levels untouched). */
function saturationMatrix(s: number): Matrix3 {
	const row = (i: number) => luma.map((w, j) => (1 - s) * w + (i === j ? s : 0)) as [number, number, number];
	return [row(0), row(1), row(2)];
}

/** Unsharp mask in one 3×3 convolution: (1 + a)·δ − a·Gaussian(σ = 0.8), a = 1. */
function sharpenKernel(sigma: number, amount = 1): number[] {
	const side = Math.exp(-1 / (2 * sigma * sigma));
	const g = [side, 1, side].map((v) => v / (1 + 2 * side));
	const kernel: number[] = [];
	for (let y = 0; y < 3; y++) {
		for (let x = 0; x < 3; x++)
			kernel.push((x === 1 && y === 1 ? 1 + amount : 0) - amount * (g[x] ?? 0) * (g[y] ?? 0));
	}
	return kernel;
}

/**
 * Levels like sharp's normalise(): the 1st and 99th percentiles of the grey histogram stretched
 * to 0–255 (left alone when the photo is nearly flat, so a fog shot does not turn into noise),
 * then × brightness.
 */
export function retouchPlan(grey: ArrayLike<number>): RetouchPlan {
	const histogram = new Uint32Array(256);
	for (let i = 0; i < grey.length; i++) histogram[grey[i] ?? 0] = (histogram[grey[i] ?? 0] ?? 0) + 1;
	const percentile = (p: number) => {
		const target = p * grey.length;
		let seen = 0;
		for (let v = 0; v < 256; v++) {
			seen += histogram[v] ?? 0;
			if (seen >= target) return v;
		}
		return 255;
	};
	const low = percentile(0.01);
	const high = percentile(0.99);
	const stretch = high - low >= 16 ? 255 / (high - low) : 1;
	const offset = high - low >= 16 ? -low * stretch : 0;
	const { brightness } = imageSpec.retouch;
	return { multiply: stretch * brightness, add: offset * brightness };
}

/**
 * PRODUCT §3 auto-retouch: normalise, brightness 1.02, saturation 1.05, light sharpen — as
 * three cheap RGB operations (levels, a colour matrix, a 3×3 unsharp mask): ≈40 ms on 1600 px,
 * where sharp's normalise() + modulate() + sharpen() chained cost ≈740 ms (each goes through
 * LAB/LCh, and libvips recomputes the shared branches). Display only: never the AI input or hashes.
 */
export function withAutoRetouch(pipeline: Sharp, plan: RetouchPlan): Sharp {
	const { saturation, sharpenSigma } = imageSpec.retouch;
	return pipeline
		.linear(plan.multiply, plan.add)
		.recomb(saturationMatrix(saturation))
		.convolve({ width: 3, height: 3, kernel: sharpenKernel(sharpenSigma), scale: 1 });
}

/**
 * Retouched pixels, same size and channels. `grey`: a grey thumbnail of `image` when the caller
 * has one (processPhoto's 256×256 blur input), else one is made.
 */
export async function retouchRaw(image: RawImage, grey?: ArrayLike<number>): Promise<RawImage> {
	const plan = retouchPlan(grey ?? (await greyThumbnail(image, imageSpec.blur.size)));
	const { data, info } = await withAutoRetouch(fromRaw(image), plan)
		.raw({ depth: "uchar" })
		.toBuffer({ resolveWithObject: true });
	if (info.channels !== image.channels)
		throw new Error(`retouch changed channels ${image.channels} → ${info.channels}`);
	return { data, width: info.width, height: info.height, channels: image.channels };
}
