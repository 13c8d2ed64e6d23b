import { createSharp } from "@focus-racer/core";

/**
 * Peak signal-to-noise ratio in dB between two encoded images (RGB, 8-bit); `b` is resized to
 * `a`'s size when they differ by rounding. Infinity when identical. ≥ 35 dB: differences a
 * viewer does not see at 100 %.
 */
export async function psnr(a: Buffer, b: Buffer): Promise<number> {
	const left = await createSharp(a).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	const right = await createSharp(b)
		.removeAlpha()
		.resize(left.info.width, left.info.height, { fit: "fill" })
		.raw()
		.toBuffer({ resolveWithObject: true });
	let sum = 0;
	for (let i = 0; i < left.data.length; i++) {
		const d = (left.data[i] ?? 0) - (right.data[i] ?? 0);
		sum += d * d;
	}
	const mse = sum / left.data.length;
	return mse === 0 ? Number.POSITIVE_INFINITY : 10 * Math.log10((255 * 255) / mse);
}
