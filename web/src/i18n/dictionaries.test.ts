import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { fr } from "./fr.ts";

/** Types already force the same keys; this also catches empty strings and broken functions. */
function entries(dict: object, prefix = ""): Array<[string, unknown]> {
	return Object.entries(dict).flatMap(
		([key, value]): Array<[string, unknown]> =>
			value && typeof value === "object" ? entries(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
	);
}

describe("dictionaries", () => {
	it("have the same keys in French and English", () => {
		expect(entries(en).map(([k]) => k)).toEqual(entries(fr).map(([k]) => k));
	});

	it("have no empty text and every function returns text", () => {
		for (const dict of [fr, en]) {
			for (const [key, value] of entries(dict)) {
				if (typeof value === "function") {
					const text = value("x", 2);
					expect(typeof text, key).toBe("string");
					expect(String(text).length, key).toBeGreaterThan(0);
				} else {
					expect(typeof value, key).toBe("string");
					expect(String(value).trim().length, key).toBeGreaterThan(0);
				}
			}
		}
	});
});
