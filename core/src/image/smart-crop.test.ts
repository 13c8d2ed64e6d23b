import { describe, expect, it } from "vitest";
import { decodeImage } from "./decode-image.ts";
import { cameraJpeg, isWebp } from "./image-fixtures.testkit.ts";
import { createSharp } from "./sharp.ts";
import { cropAroundFace, cropAroundFaces, cropRegion } from "./smart-crop.ts";

describe("cropRegion", () => {
	it("pads 80 % each side, 50 % above, 200 % below, clamped to the image", () => {
		// Face 100×100 px at (1000, 500) in a 3000×2000 image.
		const box = { x: 1000 / 3000, y: 500 / 2000, width: 100 / 3000, height: 100 / 2000 };
		expect(cropRegion(box, 3000, 2000)).toEqual({ left: 920, top: 450, width: 260, height: 350 });
		const corner = { x: 0, y: 0.9, width: 0.1, height: 0.1 };
		const r = cropRegion(corner, 1000, 1000);
		expect(r.left).toBe(0);
		expect(r.top + r.height).toBeLessThanOrEqual(1000);
		expect(r.width).toBe(180);
	});
});

describe("cropAroundFaces", () => {
	it("cuts 800 px WebPs from the original with one decode, oriented like the photo", async () => {
		const photo = await cameraJpeg({ seed: 31, width: 6000, height: 4000, orientation: 6 });
		// Displayed 4000×6000: a big face near the top and a small one lower down.
		const boxes = [
			{ x: 0.4, y: 0.1, width: 0.2, height: 0.1 },
			{ x: 0.1, y: 0.6, width: 0.05, height: 0.03 },
		];
		const crops = await cropAroundFaces(photo, boxes);
		expect(crops).toHaveLength(2);
		const [big, small] = await Promise.all(crops.map((crop) => createSharp(crop).metadata()));
		expect(crops.every(isWebp)).toBe(true);
		// Big face: region 2.6 × 0.2 × 4000 = 2080 px wide, 3.5 × 0.1 × 6000 = 2100 px tall → 792×800.
		expect([big?.width, big?.height]).toEqual([792, 800]);
		// Small face: its region is 520×630 at full resolution: the decode was full size, no enlargement.
		expect([small?.width, small?.height]).toEqual([520, 630]);
	});

	it("crops from pixels already decoded, never enlarging", async () => {
		const decoded = await decodeImage(await cameraJpeg({ seed: 32, width: 1600, height: 1067 }), {
			maxSize: 1600,
			maxPixels: 1e8,
		});
		const crop = await cropAroundFace(decoded, { x: 0.45, y: 0.2, width: 0.05, height: 0.07 });
		const meta = await createSharp(crop).metadata();
		expect(meta.width).toBeLessThan(800);
		expect(meta.height).toBeLessThan(800);
		expect(await cropAroundFaces(decoded, [])).toEqual([]);
	});
});
