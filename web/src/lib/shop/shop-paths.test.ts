import { describe, expect, it } from "vitest";
import { eventPath, searchFromQuery } from "./shop-paths.ts";

describe("shop paths", () => {
	it("carries a bib or a name search to the event page", () => {
		expect(eventPath("trail-2026")).toBe("/events/trail-2026");
		expect(eventPath("trail-2026", { bib: "123" })).toBe("/events/trail-2026?bib=123");
		expect(eventPath("trail-2026", { name: "José García" })).toBe(
			"/events/trail-2026?name=Jos%C3%A9+Garc%C3%ADa",
		);
	});

	it("reads digits as a bib and words as a name", () => {
		expect(searchFromQuery(" 1234 ")).toEqual({ bib: "1234" });
		expect(searchFromQuery("A12")).toEqual({ bib: "A12" });
		expect(searchFromQuery("Camille Durand")).toEqual({ name: "Camille Durand" });
		expect(searchFromQuery("x")).toBeUndefined();
		expect(searchFromQuery("  ")).toBeUndefined();
	});
});
