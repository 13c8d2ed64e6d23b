import { describe, expect, it } from "vitest";
import {
	type BibCandidate,
	bibsFromCandidates,
	candidatesFromRead,
	digitRuns,
	dropContained,
	editDistance,
} from "./bib-rules.ts";

const box = { x: 0.1, y: 0.2, width: 0.3, height: 0.05 };
const rules = { minConfidence: 90, minLength: 2, maxLength: 6 };
const runs = (text: string) => digitRuns(Array.from(text)).map((r) => r.digits);
const candidate = (bib: string, confidence = 95): BibCandidate => ({ bib, confidence, box });

describe("digitRuns", () => {
	it("takes the digits of number prefixes and separators", () => {
		expect(runs("N°1234")).toEqual(["1234"]);
		expect(runs("#512")).toEqual(["512"]);
		expect(runs("No1234")).toEqual(["1234"]);
		expect(runs("Nr. 77")).toEqual(["77"]);
		expect(runs("1234 5678")).toEqual(["1234", "5678"]);
		expect(runs("２０２６")).toEqual(["2026"]);
	});

	it("rejects runs glued to letters: distances, categories, suffixes", () => {
		expect(runs("10K")).toEqual([]);
		expect(runs("42KM 2287")).toEqual(["2287"]);
		expect(runs("M40")).toEqual([]);
		expect(runs("1234A")).toEqual([]);
		expect(runs("5km")).toEqual([]);
	});

	it("reads O and l as digits only inside a number", () => {
		expect(runs("1O34")).toEqual(["1034"]);
		expect(runs("2l87")).toEqual(["2187"]);
		expect(runs("O123")).toEqual([]);
		expect(runs("123l")).toEqual([]);
	});
});

describe("candidatesFromRead", () => {
	it("keeps runs of the allowed lengths with the line's confidence", () => {
		const found = candidatesFromRead({ text: "7 2287 1234567", confidence: 93, box }, rules);
		expect(found).toEqual([{ bib: "2287", confidence: 93, box }]);
	});

	it("scores a run by its own characters and boxes it by their positions", () => {
		const chars = [
			{ char: "X", confidence: 30, x: 0.12 },
			{ char: " ", confidence: 90, x: 0.16 },
			{ char: "4", confidence: 99, x: 0.2 },
			{ char: "2", confidence: 97, x: 0.3 },
		];
		const [found] = candidatesFromRead({ text: "X 42", confidence: 79, box, chars }, rules);
		expect(found?.bib).toBe("42");
		expect(found?.confidence).toBeCloseTo(98, 5);
		expect(found?.box.x).toBeCloseTo(0.14, 5);
		expect((found?.box.x ?? 0) + (found?.box.width ?? 0)).toBeCloseTo(0.36, 5);
		expect(found?.box.y).toBe(box.y);
	});
});

describe("dropContained", () => {
	it("drops a partial number of a longer one, not unrelated ones", () => {
		const kept = dropContained([candidate("228"), candidate("2287"), candidate("87"), candidate("31")]);
		expect(kept.map((c) => c.bib)).toEqual(["2287", "31"]);
	});

	it("keeps the shorter one when only it is on the start list", () => {
		const kept = dropContained([candidate("228"), candidate("2287")], new Set(["228"]));
		expect(kept.map((c) => c.bib)).toEqual(["228", "2287"]);
	});
});

describe("editDistance", () => {
	it("counts substitutions, insertions and deletions", () => {
		expect(editDistance("2287", "2287")).toBe(0);
		expect(editDistance("2287", "2281")).toBe(1);
		expect(editDistance("228", "2287")).toBe(1);
		expect(editDistance("1234", "4321")).toBe(4);
		expect(editDistance("1234", "4321", 1)).toBe(2);
	});
});

describe("bibsFromCandidates", () => {
	it("keeps one read per number, the most confident, above the threshold", () => {
		const bibs = bibsFromCandidates(
			[candidate("2287", 92), candidate("2287", 99), candidate("31", 80)],
			rules,
		);
		expect(bibs).toEqual([{ bib: "2287", confidence: 99, box, inStartList: false }]);
	});

	it("drops partial numbers even when the longer read is the weaker", () => {
		const bibs = bibsFromCandidates([candidate("228", 99), candidate("2287", 91)], rules);
		expect(bibs.map((b) => b.bib)).toEqual(["2287"]);
	});

	describe("with a start list", () => {
		const startList = new Set(["2287", "2290", "1463", "1464", "10264"]);
		const listed = { ...rules, startList };

		it("marks listed numbers", () => {
			expect(bibsFromCandidates([candidate("2287", 91)], listed)).toEqual([
				{ bib: "2287", confidence: 91, box, inStartList: true },
			]);
		});

		it("snaps an off-list read to the one list number one edit away", () => {
			expect(bibsFromCandidates([candidate("2281", 96)], listed).map((b) => [b.bib, b.inStartList])).toEqual([
				["2287", true],
			]);
			// A lost digit: "1026" → 10264.
			expect(bibsFromCandidates([candidate("1026", 96)], listed).map((b) => b.bib)).toEqual(["10264"]);
		});

		it("does not snap when two list numbers are one edit away, or the number is read already", () => {
			// 1463 and 1464 are both one edit from 1465: kept as read only if confident enough.
			expect(bibsFromCandidates([candidate("1465", 96)], listed)).toEqual([
				{ bib: "1465", confidence: 96, box, inStartList: false },
			]);
			expect(bibsFromCandidates([candidate("1465", 93)], listed)).toEqual([]);
			const bibs = bibsFromCandidates([candidate("2287", 99), candidate("2281", 93)], listed);
			expect(bibs.map((b) => b.bib)).toEqual(["2287"]);
		});

		it("needs the stricter confidence for a read far from every list number", () => {
			expect(bibsFromCandidates([candidate("777", 94)], listed)).toEqual([]);
			expect(bibsFromCandidates([candidate("777", 95)], listed).map((b) => b.bib)).toEqual(["777"]);
			const custom = { ...listed, outsideListMinConfidence: 99 };
			expect(bibsFromCandidates([candidate("777", 98)], custom)).toEqual([]);
		});

		it("treats an empty start list as none", () => {
			expect(bibsFromCandidates([candidate("777", 91)], { ...rules, startList: new Set() })).toEqual([
				{ bib: "777", confidence: 91, box, inStartList: false },
			]);
		});
	});
});
