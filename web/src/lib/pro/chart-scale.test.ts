import { describe, expect, it } from "vitest";
import { niceMax, ticks } from "./chart-scale.ts";

describe("niceMax", () => {
	it("rounds up to 1, 2 or 5 times a power of ten", () => {
		expect(niceMax(0)).toBe(1);
		expect(niceMax(1)).toBe(1);
		expect(niceMax(3)).toBe(5);
		expect(niceMax(7)).toBe(10);
		expect(niceMax(12)).toBe(20);
		expect(niceMax(200)).toBe(200);
		expect(niceMax(201)).toBe(500);
	});
});

describe("ticks", () => {
	it("spaces whole gridlines from zero to the top", () => {
		expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
		expect(ticks(1)).toEqual([0, 1]);
	});
});
