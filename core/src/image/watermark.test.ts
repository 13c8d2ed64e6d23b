import { describe, expect, it } from "vitest";
import { defaultWatermarkSvg, watermarkOverlay } from "./watermark.ts";

describe("watermarkOverlay", () => {
	it("renders the default text once per size, semi-transparent, covering the whole image", async () => {
		const a = watermarkOverlay(1200, 800);
		expect(watermarkOverlay(1200, 800)).toBe(a); // cached: same promise
		const overlay = await a;
		expect(overlay).toMatchObject({ width: 1200, height: 800, channels: 4 });
		let covered = 0;
		let opaque = 0;
		for (let i = 3; i < overlay.data.length; i += 4) {
			const alpha = overlay.data[i] ?? 0;
			if (alpha > 0) covered++;
			if (alpha === 255) opaque++;
		}
		const pixels = 1200 * 800;
		expect(covered / pixels).toBeGreaterThan(0.05); // visible everywhere it is tiled …
		expect(covered / pixels).toBeLessThan(0.6); // … yet the photo stays visible
		expect(opaque).toBe(0);
		// Tiled: every quarter of the image carries some of it.
		for (const [x0, y0] of [
			[0, 0],
			[600, 0],
			[0, 400],
			[600, 400],
		] as const) {
			let inQuarter = 0;
			for (let y = y0; y < y0 + 400; y += 2)
				for (let x = x0; x < x0 + 600; x += 2)
					if ((overlay.data[(y * 1200 + x) * 4 + 3] ?? 0) > 0) inQuarter++;
			expect(inQuarter).toBeGreaterThan(1000);
		}
	});

	it("falls back to the default text when the platform PNG does not decode", async () => {
		const fallback = await watermarkOverlay(300, 200, Buffer.from("not a png"));
		const text = await watermarkOverlay(300, 200);
		expect(fallback.data.equals(text.data)).toBe(true);
	});

	it("draws strokes, not fonts (renders the same without any font installed)", () => {
		const svg = defaultWatermarkSvg(1200, 800);
		expect(svg).not.toContain("<text");
		expect(svg).toContain("rotate(-30)");
	});
});
