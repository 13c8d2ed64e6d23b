import { describe, expect, it } from "vitest";
import { clampBox, fallbackRegions, torsoGeometry, torsoRegion, withMargin } from "./torso-regions.ts";

describe("torsoRegion", () => {
	it("spans the torso under the face, scaled to the wanted digit height", () => {
		const face = { x: 0.4, y: 0.1, width: 0.05, height: 0.08 };
		const region = torsoRegion(face, 1000, 48);
		expect(region?.box.x).toBeCloseTo(0.4 - 0.8 * 0.05, 6);
		expect(region?.box.y).toBeCloseTo(0.1 + 1.2 * 0.08, 6);
		expect(region?.box.width).toBeCloseTo(2.6 * 0.05, 6);
		expect(region?.box.height).toBeCloseTo(3.2 * 0.08, 6);
		// Digits ≈ 0.37 × 80 px = 29.6 px → 48 px.
		expect(region?.scale).toBeCloseTo(48 / (torsoGeometry.digitHeight * 80), 6);
		expect(region?.minLineHeight).toBeCloseTo(0.15 * 0.08, 6);
	});

	it("clamps to the page, and gives nothing for a face at the bottom edge", () => {
		const region = torsoRegion({ x: 0, y: 0.7, width: 0.1, height: 0.1 }, 1000, 48);
		expect(region?.box).toEqual({ x: 0, y: 0.82, width: 0.18, height: expect.closeTo(0.18, 6) });
		expect(torsoRegion({ x: 0.5, y: 0.95, width: 0.1, height: 0.05 }, 1000, 48)).toBeNull();
	});
});

describe("fallbackRegions", () => {
	it("is the page plus four overlapping tiles covering it", () => {
		const regions = fallbackRegions(1, 2);
		expect(regions).toHaveLength(5);
		expect(regions[0]).toEqual({ box: { x: 0, y: 0, width: 1, height: 1 }, scale: 1 });
		const tiles = regions.slice(1);
		expect(tiles.every((t) => t.scale === 2 && t.box.width === 0.6)).toBe(true);
		expect(Math.max(...tiles.map((t) => t.box.x + t.box.width))).toBe(1);
	});
});

describe("withMargin / clampBox", () => {
	it("grows by a share of the height on every side, in pixels of a non-square page", () => {
		const grown = withMargin({ x: 0.5, y: 0.5, width: 0.1, height: 0.1 }, 0.5, 2000, 1000);
		expect(grown.y).toBeCloseTo(0.45, 6);
		expect(grown.height).toBeCloseTo(0.2, 6);
		// 0.05 of a 1000 px height is 50 px, 0.025 of a 2000 px width.
		expect(grown.x).toBeCloseTo(0.475, 6);
	});

	it("clamps to the unit square", () => {
		expect(clampBox({ x: -0.1, y: 0.9, width: 0.3, height: 0.3 })).toEqual({
			x: 0,
			y: 0.9,
			width: expect.closeTo(0.2, 6),
			height: expect.closeTo(0.1, 6),
		});
		expect(clampBox({ x: 1.2, y: 0, width: 0.1, height: 0.1 })).toBeNull();
	});
});
