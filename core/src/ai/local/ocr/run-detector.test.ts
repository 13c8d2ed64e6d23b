import { describe, expect, it } from "vitest";
import { detectorSize, detectorTensor } from "./run-detector.ts";

describe("detectorTensor", () => {
	// Two pixels, pure red then pure blue: each channel must land in its own plane, normalised
	// with that channel's ImageNet statistics.
	const image = { data: Uint8Array.of(255, 0, 0, 0, 0, 255), width: 2, height: 1 };
	const norm = (value: number, mean: number, std: number) => (value / 255 - mean) / std;

	it("gives planar BGR, as PaddleOCR feeds OpenCV's pixels", () => {
		const tensor = detectorTensor(image);
		expect(tensor.dims).toEqual([1, 3, 1, 2]);
		const data = Array.from(tensor.data as Float32Array);
		// Plane 0 is blue (mean 0.485, std 0.229 in Paddle's order), plane 2 red.
		expect(data[0]).toBeCloseTo(norm(0, 0.485, 0.229), 5);
		expect(data[1]).toBeCloseTo(norm(255, 0.485, 0.229), 5);
		expect(data[2]).toBeCloseTo(norm(0, 0.456, 0.224), 5);
		expect(data[3]).toBeCloseTo(norm(0, 0.456, 0.224), 5);
		expect(data[4]).toBeCloseTo(norm(255, 0.406, 0.225), 5);
		expect(data[5]).toBeCloseTo(norm(0, 0.406, 0.225), 5);
	});

	it("gives planar RGB when asked", () => {
		const data = Array.from(detectorTensor(image, "rgb").data as Float32Array);
		expect(data[0]).toBeCloseTo(norm(255, 0.485, 0.229), 5);
		expect(data[1]).toBeCloseTo(norm(0, 0.485, 0.229), 5);
		expect(data[4]).toBeCloseTo(norm(0, 0.406, 0.225), 5);
		expect(data[5]).toBeCloseTo(norm(255, 0.406, 0.225), 5);
	});
});

describe("detectorSize", () => {
	it("scales, caps the long side and rounds both sides to multiples of 32", () => {
		expect(detectorSize(100, 50, 2, 960)).toEqual({ width: 192, height: 96 });
		expect(detectorSize(2000, 1000, 1, 960)).toEqual({ width: 960, height: 480 });
		expect(detectorSize(10, 10, 1, 960)).toEqual({ width: 32, height: 32 });
	});
});
