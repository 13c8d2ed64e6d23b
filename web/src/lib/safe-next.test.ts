import { describe, expect, it } from "vitest";
import { loginPathFor, safeNextPath } from "./safe-next.ts";

const origin = "https://photos.example.com";

describe("safeNextPath", () => {
	it("keeps a path of this site, with its query and hash", () => {
		expect(safeNextPath("/pro/sales?x=1#top", origin)).toBe("/pro/sales?x=1#top");
	});

	it("refuses other origins, protocol-relative and backslash tricks", () => {
		for (const next of [
			"https://evil.example/x",
			"//evil.example/x",
			"/\\evil.example",
			"javascript:alert(1)",
			"pro",
			"",
		]) {
			expect(safeNextPath(next, origin)).toBeUndefined();
		}
	});

	it("refuses non-strings (repeated query parameters arrive as arrays)", () => {
		expect(safeNextPath(["/pro", "/admin"], origin)).toBeUndefined();
		expect(safeNextPath(undefined, origin)).toBeUndefined();
	});

	it("never sends back to the login or register page", () => {
		expect(safeNextPath("/login?next=/pro", origin)).toBeUndefined();
		expect(safeNextPath("/register", origin)).toBeUndefined();
	});

	it("round-trips through loginPathFor", () => {
		const path = loginPathFor("/pro/sales?x=1");
		const next = new URL(path, origin).searchParams.get("next");
		expect(safeNextPath(next, origin)).toBe("/pro/sales?x=1");
	});
});
