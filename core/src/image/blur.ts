import { imageSpec } from "./image-spec.ts";

/**
 * Variance of the Laplacian (4-neighbour kernel [0 1 0; 1 −4 1; 0 1 0]) over the interior of a
 * grey image: a sharp photo has strong, varied edges, a blurry one almost none. PRODUCT §3
 * computes it on a 256×256 grey version; below 30 is blurry. The response is kept signed (a
 * convolution in libvips would clip negatives to 0 in 8-bit and roughly halve the figure).
 */
export function laplacianVariance(grey: ArrayLike<number>, width: number, height: number): number {
	if (grey.length !== width * height)
		throw new Error(`laplacianVariance: ${grey.length} pixels for ${width}×${height}`);
	if (width < 3 || height < 3) return 0;
	let sum = 0;
	let sumSquares = 0;
	for (let y = 1; y < height - 1; y++) {
		const row = y * width;
		for (let x = 1; x < width - 1; x++) {
			const i = row + x;
			const value =
				(grey[i - width] ?? 0) +
				(grey[i + width] ?? 0) +
				(grey[i - 1] ?? 0) +
				(grey[i + 1] ?? 0) -
				4 * (grey[i] ?? 0);
			sum += value;
			sumSquares += value * value;
		}
	}
	const n = (width - 2) * (height - 2);
	const mean = sum / n;
	return sumSquares / n - mean * mean;
}

export function isBlurry(blurScore: number, threshold: number = imageSpec.blur.threshold): boolean {
	return blurScore < threshold;
}
