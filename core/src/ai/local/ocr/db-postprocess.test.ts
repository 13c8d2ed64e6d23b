import { describe, expect, it } from "vitest";
import {
	boxesFromProbabilityMap,
	defaultDbPostprocess,
	mergeLineBoxes,
	type TextBox,
} from "./db-postprocess.ts";

/** A width×height map with rectangles of the given probability. */
function map(width: number, height: number, rects: [number, number, number, number, number][]) {
	const data = new Float32Array(width * height);
	for (const [x, y, w, h, p] of rects)
		for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) data[j * width + i] = p;
	return { data, width, height };
}

describe("boxesFromProbabilityMap", () => {
	it("finds each confident component and grows it by the unclip distance", () => {
		const boxes = boxesFromProbabilityMap(
			map(100, 60, [
				[10, 10, 40, 10, 0.9],
				[60, 40, 20, 8, 0.8],
			]),
		);
		expect(boxes).toHaveLength(2);
		const [first] = boxes;
		// 40×10 kernel: distance = 400 × 1.5 / 100 = 6.
		expect(first).toMatchObject({ x: 4, y: 4, width: 52, height: 22 });
		expect(first?.score).toBeCloseTo(0.9, 5);
	});

	it("drops weak components (box score), noise specks and empty maps", () => {
		const weak = map(50, 50, [[5, 5, 30, 10, 0.4]]);
		expect(boxesFromProbabilityMap(weak)).toEqual([]);
		expect(boxesFromProbabilityMap(weak, { ...defaultDbPostprocess, boxThreshold: 0.3 })).toHaveLength(1);
		expect(boxesFromProbabilityMap(map(50, 50, [[5, 5, 2, 20, 0.9]]))).toEqual([]);
		expect(boxesFromProbabilityMap(map(50, 50, []))).toEqual([]);
	});

	it("keeps boxes inside the map", () => {
		const [box] = boxesFromProbabilityMap(map(40, 20, [[0, 0, 40, 20, 0.95]]));
		expect(box).toMatchObject({ x: 0, y: 0, width: 40, height: 20 });
	});
});

describe("mergeLineBoxes", () => {
	const box = (x: number, y: number, width: number, height: number): TextBox => ({
		x,
		y,
		width,
		height,
		score: 0.9,
	});

	it("joins a digit split off its line, not the line above or a far word", () => {
		const merged = mergeLineBoxes([
			box(10, 50, 8, 30),
			box(26, 50, 60, 30),
			box(10, 0, 70, 20),
			box(200, 50, 40, 30),
		]);
		expect(merged).toHaveLength(3);
		expect(merged).toContainEqual({ x: 10, y: 50, width: 76, height: 30, score: 0.9 });
	});

	it("does not join lines of very different heights", () => {
		expect(mergeLineBoxes([box(0, 0, 50, 40), box(52, 10, 30, 12)])).toHaveLength(2);
	});
});
