import { describe, expect, it } from "vitest";
import { blazefaceOutputs, decodeBlazeface, nonMaxSuppression } from "./blazeface.ts";

const options = { minConfidence: 0.4, maxDetected: 20, iouThreshold: 0.1 };
const logit = (p: number) => Math.log(p / (1 - p));

/** Model outputs with every anchor silent but the ones given: [anchor, score, w, h] (input px). */
function outputs(faces: [number, number, number, number][]) {
	const scores = new Float32Array(896).fill(-20);
	const boxes = new Float32Array(896 * 16);
	for (const [anchor, score, w, h] of faces) {
		scores[anchor] = logit(score);
		boxes.set([0, 0, w, h], anchor * 16);
	}
	return {
		[blazefaceOutputs.scores512]: scores.subarray(0, 512),
		[blazefaceOutputs.scores384]: scores.subarray(512),
		[blazefaceOutputs.boxes512]: boxes.subarray(0, 512 * 16),
		[blazefaceOutputs.boxes384]: boxes.subarray(512 * 16),
	};
}

describe("nonMaxSuppression (tfjs' rules)", () => {
	// [x1, y1, x2, y2] × 4: b overlaps a by IoU 1/3, c overlaps neither, d overlaps c by IoU 1/9.
	const boxes = [0, 0, 10, 10, 5, 0, 15, 10, 50, 50, 60, 60, 58, 50, 68, 60];
	const scores = [0.9, 0.95, 0.8, 0.7];
	const nms = (iouThreshold: number, more: Partial<typeof options> = {}, s = scores) =>
		nonMaxSuppression(boxes, s, { ...options, iouThreshold, ...more });
	it("keeps the best first and drops a box at IoU ≥ the threshold", () => {
		expect(nms(1 / 3)).toEqual([1, 2, 3]);
		expect(nms(0.34)).toEqual([1, 0, 2, 3]);
		expect(nms(0.1)).toEqual([1, 2]);
		expect(nms(0.12)).toEqual([1, 2, 3]);
	});
	it("keeps only scores above the minimum, and at most maxDetected", () => {
		expect(nms(0.34, {}, [0.9, 0.95, 0.8, 0.4])).toEqual([1, 0, 2]);
		expect(nms(0.34, { maxDetected: 2 })).toEqual([1, 0]);
	});
	it("breaks a tie of scores towards the lower index", () => {
		expect(nms(0.3, {}, [0.9, 0.9, 0.5, 0.5])).toEqual([0, 2, 3]);
	});
});

describe("decodeBlazeface", () => {
	it("puts a face on its anchor, scaled to the photo, enlarged 1.4× and square", () => {
		// Anchor 0: the 16 px grid's first cell, centre (8, 8) of the 256 px input. Anchor 512:
		// the 32 px grid's first cell, centre (16, 16).
		const [first, second] = decodeBlazeface(
			outputs([
				[0, 0.9, 20, 10],
				[512 + 6 * 9, 0.8, 32, 32],
			]),
			512,
			1024,
			options,
		);
		// (8, 8) → (16, 32) on a 512 × 1024 photo; 20 × 10 → 40 × 40 px, × 1.4 = 56, square.
		expect(first).toMatchObject({ x1: 16 - 28, y1: 32 - 28, x2: 16 + 28, y2: 32 + 28 });
		expect(first?.confidence).toBeCloseTo(0.9, 6);
		// Anchor 512 + 6·9: cell (1, 1) of the 8 × 8 grid, centre (48, 48) → (96, 192); 32 × 32
		// → 64 × 128, the longer side × 1.4 = 179.2, rounded at the corners.
		expect(second).toMatchObject({
			x1: Math.round(96 - 89.6),
			y1: Math.round(192 - 89.6),
			x2: Math.round(96 + 89.6),
			y2: Math.round(192 + 89.6),
		});
	});

	it("drops a face whose score rounds to the minimum, as human did", () => {
		expect(decodeBlazeface(outputs([[0, 0.403, 20, 20]]), 256, 256, options)).toEqual([]);
		expect(decodeBlazeface(outputs([[0, 0.406, 20, 20]]), 256, 256, options)).toHaveLength(1);
	});

	it("refuses outputs of another model", () => {
		const wrong = { ...outputs([]), [blazefaceOutputs.scores384]: new Float32Array(100) };
		expect(() => decodeBlazeface(wrong, 256, 256, options)).toThrow(/512 \+ 384/);
	});
});
