import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "../../linking/face-similarity.ts";
import {
	containment,
	iou,
	matchBoxes,
	overlapScore,
	pairScore,
	recallScore,
	sameRunnerTop1,
	zeroFalseLinkThreshold,
} from "./score-faces.ts";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe("box overlap", () => {
	it("computes IoU and containment", () => {
		expect(iou(box(0, 0, 10, 10), box(0, 0, 10, 10))).toBe(1);
		expect(iou(box(0, 0, 10, 10), box(5, 0, 10, 10))).toBeCloseTo(50 / 150);
		expect(iou(box(0, 0, 10, 10), box(20, 20, 5, 5))).toBe(0);
		expect(containment(box(0, 0, 20, 20), box(5, 5, 5, 5))).toBe(1);
	});

	it("counts a tight box inside a loose label, not a box around a whole body", () => {
		expect(overlapScore(box(0, 0, 20, 20), box(4, 4, 12, 12))).toBeGreaterThanOrEqual(0);
		expect(overlapScore(box(0, 0, 10, 10), box(-20, -5, 60, 100))).toBe(-1);
		expect(overlapScore(box(0, 0, 10, 10), box(50, 50, 10, 10))).toBe(-1);
	});

	it("matches one to one, best pairs first", () => {
		const labels = [box(0, 0, 10, 10), box(100, 0, 10, 10)];
		expect(matchBoxes(labels, [box(101, 1, 10, 10), box(1, 0, 10, 10)])).toEqual([1, 0]);
		// One detection between two labels counts for one of them only.
		expect(
			matchBoxes([box(0, 0, 10, 10), box(2, 0, 10, 10)], [box(1, 0, 10, 10)]).filter((i) => i >= 0),
		).toHaveLength(1);
		expect(matchBoxes(labels, [])).toEqual([-1, -1]);
	});

	it("scores recall over photos", () => {
		const score = recallScore([
			{ labels: [box(0, 0, 10, 10), box(50, 50, 10, 10)], detected: [box(0, 0, 10, 10)] },
			{ labels: [], detected: [box(0, 0, 10, 10)] },
		]);
		expect(score).toEqual({ labelled: 2, found: 1, recall: 0.5 });
	});
});

describe("retrieval", () => {
	const faces = [
		{ identity: "a", embedding: [1, 0, 0] },
		{ identity: "a", embedding: [0.9, 0.1, 0] },
		{ identity: "b", embedding: [0, 1, 0] },
		{ identity: "b", embedding: [0.8, 0.2, 0] }, // nearer to a's faces: a miss
		{ identity: "c", embedding: [0, 0, 1] }, // no other c: not a query
		{ identity: "a", embedding: null }, // not found: counts only in top1OfAll
	];

	it("cosine ignores length", () => {
		expect(cosineSimilarity([1, 0], [3, 0])).toBeCloseTo(1);
		expect(cosineSimilarity([1, 0], [0, 2])).toBeCloseTo(0);
		expect(() => cosineSimilarity([1], [1, 2])).toThrow();
	});

	it("scores same-runner top-1", () => {
		const score = sameRunnerTop1(faces);
		expect(score.faces).toBe(6);
		expect(score.queries).toBe(4);
		// a→a, a→a, b(0,1,0)→b(0.8,0.2)? its nearest is b (cos .24) vs a (0 / .11): hit; b(0.8,0.2)→a: miss.
		expect(score.correct).toBe(3);
		expect(score.top1).toBeCloseTo(0.75);
		expect(score.top1OfAll).toBeCloseTo(0.5);
	});

	it("splits pairs by a threshold and finds the zero-false-link one", () => {
		const pairs = pairScore(faces, 0.9);
		expect(pairs.samePairs).toBe(2);
		expect(pairs.sameLinked).toBe(1);
		expect(pairs.differentPairs).toBe(8);
		expect(pairs.differentLinked).toBe(2);
		const threshold = zeroFalseLinkThreshold(faces);
		expect(pairScore(faces, threshold).differentLinked).toBe(0);
		expect(pairScore(faces, threshold - 0.001).differentLinked).toBeGreaterThan(0);
	});
});
