import { describe, expect, it } from "vitest";
import { ctcClasses, decodeCtcLine } from "./ctc-decode.ts";

describe("ctcClasses", () => {
	it("puts the blank first and a space last around the dictionary lines", () => {
		expect(ctcClasses("a\nb\r\nc\n")).toEqual(["", "a", "b", "c", " "]);
	});
});

describe("decodeCtcLine", () => {
	const classes = ["", "1", "2", " "];
	/** One row per time step: the given class gets `p`, the rest share what is left. */
	const steps = (rows: [number, number][]) =>
		new Float32Array(
			rows.flatMap(([best, p]) => classes.map((_, c) => (c === best ? p : (1 - p) / (classes.length - 1)))),
		);

	it("merges repeats, drops blanks, and keeps a repeat separated by a blank", () => {
		const probabilities = steps([
			[1, 0.9],
			[1, 0.8],
			[0, 0.99],
			[1, 0.7],
			[2, 1],
			[0, 0.9],
		]);
		const read = decodeCtcLine(probabilities, 0, 6, classes);
		expect(read.text).toBe("112");
		// The first of each merged run is kept: (0.9 + 0.7 + 1) / 3.
		expect(read.confidence).toBeCloseTo((0.9 + 0.7 + 1) / 3, 5);
		expect(read.chars.map((c) => c.position)).toEqual([0.5 / 6, 3.5 / 6, 4.5 / 6]);
	});

	it("reads nothing with confidence 0 from blanks only", () => {
		const read = decodeCtcLine(steps([[0, 0.9]]), 0, 1, classes);
		expect(read).toEqual({ text: "", confidence: 0, chars: [] });
	});

	it("reads a line of a batch at its offset", () => {
		const batch = new Float32Array([...steps([[1, 1]]), ...steps([[2, 1]])]);
		expect(decodeCtcLine(batch, classes.length, 1, classes).text).toBe("2");
	});
});
