export interface GreyStats {
	/** 0–255. */
	mean: number;
	stdev: number;
	/** Share of pixels crushed to black (≤ 3) or blown to white (≥ 252). */
	clipped: number;
}

/** Mean, standard deviation and clipping of a grey image (the 256×256 blur input: ≈0.1 ms). */
export function greyStats(grey: ArrayLike<number>): GreyStats {
	let sum = 0;
	let sumSquares = 0;
	let clipped = 0;
	for (let i = 0; i < grey.length; i++) {
		const v = grey[i] ?? 0;
		sum += v;
		sumSquares += v * v;
		if (v <= 3 || v >= 252) clipped++;
	}
	const n = Math.max(1, grey.length);
	const mean = sum / n;
	return { mean, stdev: Math.sqrt(Math.max(0, sumSquares / n - mean * mean)), clipped: clipped / n };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * 0–100, higher is better; ranks a photographer's shots, it judges no art. From the blur score
 * and the grey stats, no extra image pass (the old full-size `stats()` cost ≈1.2 s per photo):
 *
 *   sharpness = clamp(log10(1 + blurScore) / 3)        blur 30 → 0.50, 100 → 0.67, ≥ 999 → 1
 *   exposure  = clamp(1 − ((mean − 128) / 128)²)         mid-grey 1, mean 64 or 192 → 0.75, black/white 0
 *   contrast  = clamp(stdev / 64)                          a flat grey frame 0, stdev ≥ 64 → 1
 *   clipping  = 1 − 0.6 · clamp(clipped − 5 %, 0, 50 %)   a blown sky or crushed shadows cost up to 30 %
 *   score     = round(100 · (0.5 sharpness + 0.25 exposure + 0.25 contrast) · clipping)
 */
export function qualityScore(blurScore: number, stats: GreyStats): number {
	const sharpness = clamp01(Math.log10(1 + Math.max(0, blurScore)) / 3);
	const exposure = clamp01(1 - ((stats.mean - 128) / 128) ** 2);
	const contrast = clamp01(stats.stdev / 64);
	const clipping = 1 - 0.6 * Math.min(0.5, Math.max(0, stats.clipped - 0.05));
	return Math.round(100 * (0.5 * sharpness + 0.25 * exposure + 0.25 * contrast) * clipping);
}
