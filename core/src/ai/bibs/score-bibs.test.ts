import { describe, expect, it } from "vitest";
import { overlapOfSmaller, scorePhoto, summariseScores } from "./score-bibs.ts";

const label = {
	bibs: ["2287", "31"],
	boxes: [
		[100, 100, 100, 50, "2287"],
		[400, 100, 100, 50, "31"],
	] as const,
	width: 1000,
	height: 500,
};
const at = (x: number, y: number) => ({ x: x / 1000, y: y / 500, width: 0.05, height: 0.05 });

describe("overlapOfSmaller", () => {
	it("is the intersection over the smaller box", () => {
		const big = { x: 0, y: 0, width: 1, height: 1 };
		expect(overlapOfSmaller(big, { x: 0.5, y: 0.5, width: 0.1, height: 0.1 })).toBeCloseTo(1, 6);
		expect(overlapOfSmaller(big, { x: 0.95, y: 0, width: 0.1, height: 0.1 })).toBeCloseTo(0.5, 6);
		expect(overlapOfSmaller(big, { x: 2, y: 2, width: 1, height: 1 })).toBe(0);
	});
});

describe("scorePhoto", () => {
	it("counts a misread on a labelled bib as wrong, elsewhere as unlabelled", () => {
		const score = scorePhoto(label, [
			{ bib: "2287", box: at(120, 110) },
			{ bib: "228", box: at(410, 110) },
			{ bib: "999", box: at(800, 400) },
		]);
		expect(score).toMatchObject({
			labelled: 2,
			found: 1,
			reads: 3,
			correct: 1,
			wrong: 1,
			unlabelled: 1,
			exact: false,
			missed: ["31"],
			wrongBibs: ["228"],
			unlabelledBibs: ["999"],
		});
	});

	it("is exact when the reads are the labelled numbers", () => {
		const score = scorePhoto(label, [
			{ bib: "31", box: at(0, 0) },
			{ bib: "2287", box: at(0, 0) },
		]);
		expect(score.exact).toBe(true);
	});
});

describe("summariseScores", () => {
	it("gives recall, RBNR and pessimistic precision, exact photos", () => {
		const photos = [
			scorePhoto(label, [
				{ bib: "2287", box: at(120, 110) },
				{ bib: "228", box: at(410, 110) },
				{ bib: "999", box: at(800, 400) },
			]),
			scorePhoto({ ...label, bibs: ["31"], boxes: [[400, 100, 100, 50, "31"]] }, [
				{ bib: "31", box: at(410, 110) },
			]),
		];
		expect(summariseScores(photos)).toEqual({
			photos: 2,
			labelled: 3,
			found: 2,
			reads: 4,
			recall: 2 / 3,
			precision: 2 / 3,
			pessimisticPrecision: 2 / 4,
			exactPhotos: 1 / 2,
		});
	});

	it("is 1 on nothing to score", () => {
		expect(summariseScores([])).toMatchObject({
			recall: 1,
			precision: 1,
			pessimisticPrecision: 1,
			exactPhotos: 1,
		});
	});
});
