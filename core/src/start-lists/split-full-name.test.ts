import { describe, expect, it } from "vitest";
import { splitFullName } from "./split-full-name.ts";

describe("splitFullName", () => {
	it.each([
		["DUPONT Jean-Pierre", "Jean-Pierre", "DUPONT"],
		["Marie LE GOFF", "Marie", "LE GOFF"],
		["Dupont, Jean", "Jean", "Dupont"],
		["Jan van der Berg", "Jan", "van der Berg"],
		["JEAN DUPONT", "JEAN", "DUPONT"],
		["  Zoé   Martin ", "Zoé", "Martin"],
		["N'DIAYE Awa", "Awa", "N'DIAYE"],
	])("%s", (value, firstName, lastName) => {
		expect(splitFullName(value)).toEqual({ firstName, lastName });
	});

	it("takes a single word as the last name", () => {
		expect(splitFullName("Cher")).toEqual({ firstName: null, lastName: "Cher" });
		expect(splitFullName("  ")).toEqual({ firstName: null, lastName: null });
	});
});
