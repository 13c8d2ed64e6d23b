import { describe, expect, it } from "vitest";
import { eurosInputValue, parseEuros } from "./price-input.ts";

describe("parseEuros", () => {
	it("reads French and English decimals into exact cents", () => {
		expect(parseEuros("6,50")).toBe(650);
		expect(parseEuros("6.5")).toBe(650);
		expect(parseEuros("0,29")).toBe(29);
		expect(parseEuros("25")).toBe(2500);
		expect(parseEuros(" 15 € ")).toBe(1500);
		expect(parseEuros("1 000")).toBe(100_000);
	});

	it("refuses what is not a price", () => {
		for (const text of ["", "abc", "-5", "5,555", "5,,5", "1.2.3"])
			expect(parseEuros(text), text).toBeUndefined();
	});
});

describe("eurosInputValue", () => {
	it("writes cents back with two decimals in the locale's mark", () => {
		expect(eurosInputValue(650, "fr-FR")).toBe("6,50");
		expect(eurosInputValue(2500, "en-GB")).toBe("25.00");
		expect(eurosInputValue(100_000, "fr-FR")).toBe("1000,00");
	});
});
