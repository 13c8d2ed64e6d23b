import { describe, expect, it } from "vitest";
import type { RgbImage } from "../../../image/decode-rgb.ts";
import { createSharp } from "../../../image/sharp.ts";
import { enlargeBicubic } from "./enlarge-bicubic.ts";
import type { PixelRect } from "./rgb-image.ts";

/** A deterministic noise image: the hardest input for an exact match (every pixel differs). */
function noise(width: number, height: number, seed: number): RgbImage {
	const data = new Uint8Array(width * height * 3);
	let state = seed;
	for (let i = 0; i < data.length; i++) {
		state = (state * 1103515245 + 12345) & 0x7fffffff;
		data[i] = (state >> 16) & 255;
	}
	return { data, width, height };
}

/** What the OCR fed its models before: sharp's extract + resize (lanczos3, which enlarges bicubically). */
async function sharpEnlarge(
	image: RgbImage,
	area: PixelRect,
	width: number,
	height: number,
): Promise<Uint8Array> {
	return createSharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
		.extract({ left: area.x, top: area.y, width: area.width, height: area.height })
		.resize(width, height, { fit: "fill" })
		.raw()
		.toBuffer();
}

function differingBytes(a: Uint8Array, b: Uint8Array): number {
	let count = 0;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
	return count + Math.abs(a.length - b.length);
}

describe("enlargeBicubic", () => {
	const photo = noise(400, 300, 11);

	it("gives sharp's bytes for torso-sized and line-sized enlargements, edges included", async () => {
		const cases: [PixelRect, number, number][] = [
			[{ x: 120, y: 40, width: 200, height: 260 }, 320, 416], // a torso crop for the detector
			[{ x: 0, y: 0, width: 131, height: 97 }, 134, 99], // barely enlarged, at the photo's corner
			[{ x: 350, y: 280, width: 50, height: 20 }, 120, 48], // a text line for the recogniser
			[{ x: 10, y: 200, width: 7, height: 5 }, 67, 48], // a tiny line, ×10
			[{ x: 30, y: 30, width: 90, height: 40 }, 90, 48], // one axis unchanged
			[{ x: 30, y: 30, width: 40, height: 48 }, 160, 48], // the other one
			[{ x: 5, y: 6, width: 30, height: 20 }, 30, 20], // no change at all
		];
		for (const [area, width, height] of cases) {
			const mine = enlargeBicubic(photo, area, width, height);
			expect([mine.width, mine.height]).toEqual([width, height]);
			const reference = await sharpEnlarge(photo, area, width, height);
			expect(differingBytes(mine.data, reference), JSON.stringify({ area, width, height })).toBe(0);
		}
	});

	it("matches sharp over many random sizes and scales", async () => {
		let state = 5;
		const next = (n: number) => {
			state = (state * 1103515245 + 12345) & 0x7fffffff;
			return (state >> 8) % n;
		};
		for (let i = 0; i < 40; i++) {
			const width = 1 + next(150);
			const height = 1 + next(120);
			const area = { x: next(400 - width), y: next(300 - height), width, height };
			const outWidth = width + next(3 * width + 2);
			const outHeight = height + next(3 * height + 2);
			const mine = enlargeBicubic(photo, area, outWidth, outHeight);
			const reference = await sharpEnlarge(photo, area, outWidth, outHeight);
			expect(differingBytes(mine.data, reference), JSON.stringify({ area, outWidth, outHeight })).toBe(0);
		}
	});

	it("refuses a shrink, which libvips does with another kernel", () => {
		expect(() => enlargeBicubic(photo, { x: 0, y: 0, width: 100, height: 100 }, 50, 120)).toThrow(
			/not an enlargement/,
		);
	});
});
