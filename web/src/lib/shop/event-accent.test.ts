import { describe, expect, it } from "vitest";
import { eventAccent } from "./event-accent.ts";

describe("eventAccent", () => {
	it("keeps a dark brand colour with white text", () => {
		expect(eventAccent("#E4572E")).toEqual({ background: "#e4572e", foreground: "#ffffff" });
		expect(eventAccent("#1B2A41").foreground).toBe("#ffffff");
	});

	it("writes dark text on a pale colour", () => {
		expect(eventAccent("#FFE600").foreground).toBe("#0b1220");
		expect(eventAccent("#fff").background).toBe("#ffffff");
	});

	it("falls back to the product's orange for a missing or malformed colour", () => {
		for (const value of [null, undefined, "", "red", "#12345", "url(x)"]) {
			expect(eventAccent(value).background).toBe("#d63d0a");
		}
	});
});
