import { describe, expect, it } from "vitest";
import { isBlurry, laplacianVariance } from "./blur.ts";
import { seededRandom } from "./image-fixtures.testkit.ts";
import { downsampleGrey, hammingDistance, isDuplicateHash, perceptualHash } from "./phash.ts";
import { greyStats, qualityScore } from "./quality-score.ts";

function image(size: number, pixel: (x: number, y: number) => number): Uint8Array {
	const out = new Uint8Array(size * size);
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) out[y * size + x] = Math.max(0, Math.min(255, pixel(x, y)));
	return out;
}

describe("perceptualHash", () => {
	it("is 16 hex digits, stable, and near for a slightly changed picture", () => {
		const random = seededRandom(1);
		const blobs = Array.from({ length: 6 }, () => [random() * 32, random() * 32, random() * 200] as const);
		const scene = (x: number, y: number) =>
			blobs.reduce((v, [bx, by, c]) => v + c * Math.exp(-((x - bx) ** 2 + (y - by) ** 2) / 40), 20);
		const a = perceptualHash(image(32, scene));
		const b = perceptualHash(image(32, (x, y) => scene(x, y) * 1.05 + 3 + (random() - 0.5) * 6));
		expect(a).toMatch(/^[0-9a-f]{16}$/);
		expect(perceptualHash(image(32, scene))).toBe(a);
		expect(hammingDistance(a, b)).toBeLessThanOrEqual(5);
		const other = perceptualHash(image(32, (x, y) => 255 - scene(y, x)));
		expect(hammingDistance(a, other)).toBeGreaterThan(5);
	});

	it("checks its input size", () => {
		expect(() => perceptualHash(new Uint8Array(100))).toThrow(/32×32/);
	});
});

describe("hammingDistance", () => {
	it("counts differing bits, case-insensitive, and refuses mismatched input", () => {
		expect(hammingDistance("0000000000000000", "0000000000000000")).toBe(0);
		expect(hammingDistance("ffffffffffffffff", "0000000000000000")).toBe(64);
		expect(hammingDistance("8000000000000001", "0000000000000000")).toBe(2);
		expect(hammingDistance("ABCDEF0123456789", "abcdef0123456789")).toBe(0);
		expect(isDuplicateHash("000000000000001f", "0000000000000000")).toBe(true); // 5 bits
		expect(isDuplicateHash("000000000000003f", "0000000000000000")).toBe(false); // 6 bits
		expect(() => hammingDistance("00", "000")).toThrow();
		expect(() => hammingDistance("zz", "00")).toThrow();
	});
});

describe("downsampleGrey", () => {
	it("box-averages 256 → 32", () => {
		const grey = image(256, (x) => (x < 128 ? 0 : 255));
		const small = downsampleGrey(grey, 256, 32);
		expect(small.length).toBe(1024);
		expect([small[0], small[15], small[16], small[31]]).toEqual([0, 0, 255, 255]);
	});
});

describe("laplacianVariance", () => {
	it("is 0 on flat or linear ramps, large on fine detail, and drops when blurred", () => {
		expect(
			laplacianVariance(
				image(256, () => 128),
				256,
				256,
			),
		).toBe(0);
		expect(
			laplacianVariance(
				image(256, (x) => x),
				256,
				256,
			),
		).toBe(0);
		const checker = image(256, (x, y) => ((x + y) % 2 === 0 ? 0 : 255));
		expect(laplacianVariance(checker, 256, 256)).toBeGreaterThan(1e5);
		const stripes = image(256, (x) => (Math.floor(x / 4) % 2 === 0 ? 60 : 190));
		const soft = image(256, (x) => 125 + 65 * Math.sin((Math.PI * x) / 4));
		expect(laplacianVariance(stripes, 256, 256)).toBeGreaterThan(laplacianVariance(soft, 256, 256));
		expect(isBlurry(29.9)).toBe(true);
		expect(isBlurry(30)).toBe(false);
	});
});

describe("qualityScore", () => {
	it("ranks a sharp, well exposed frame above a dark flat blurry one, within 0–100", () => {
		const good = qualityScore(800, { mean: 120, stdev: 60, clipped: 0.01 });
		const dark = qualityScore(800, { mean: 25, stdev: 15, clipped: 0.4 });
		const blurry = qualityScore(5, { mean: 120, stdev: 60, clipped: 0.01 });
		expect(good).toBeGreaterThan(dark);
		expect(good).toBeGreaterThan(blurry);
		expect(qualityScore(1e9, { mean: 128, stdev: 200, clipped: 0 })).toBe(100);
		expect(qualityScore(0, { mean: 0, stdev: 0, clipped: 1 })).toBe(0);
		expect(greyStats(new Uint8Array([0, 255]))).toEqual({ mean: 127.5, stdev: 127.5, clipped: 1 });
	});
});
