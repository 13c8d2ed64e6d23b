import { afterEach, describe, expect, it, vi } from "vitest";
import { destinationAfterAuth, landingFor } from "./roles.ts";

describe("landingFor", () => {
	it("sends each role to its own space", () => {
		expect(landingFor("runner")).toBe("/account");
		for (const role of ["photographer", "agency", "club", "federation"] as const) {
			expect(landingFor(role)).toBe("/pro");
		}
		expect(landingFor("organizer")).toBe("/organizer");
		expect(landingFor("admin")).toBe("/admin");
	});
});

describe("destinationAfterAuth", () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it("prefers a same-site next, else the landing", () => {
		// Tests run in Node: give safeNextPath the page's origin it reads by default.
		vi.stubGlobal("window", { location: { origin: "http://localhost" } });
		expect(destinationAfterAuth("photographer", "/pro/events")).toBe("/pro/events");
		expect(destinationAfterAuth("photographer", "//evil.example")).toBe("/pro");
		expect(destinationAfterAuth("runner", undefined)).toBe("/account");
	});
});
