import { describe, expect, it } from "vitest";
import { assignColumn, clampMapping, completeMapping, fieldOfColumn } from "./csv-mapping.ts";

describe("CSV column mapping", () => {
	it("moves a field to its new column and frees the column's previous field", () => {
		const start = { bib: 0, firstName: 1, lastName: 2 };
		expect(assignColumn(start, 2, "firstName")).toEqual({ bib: 0, firstName: 2 });
		expect(assignColumn(start, 1, undefined)).toEqual({ bib: 0, lastName: 2 });
		expect(fieldOfColumn(start, 2)).toBe("lastName");
		expect(fieldOfColumn(start, 5)).toBeUndefined();
	});

	it("drops columns past the table and needs a bib to import", () => {
		expect(clampMapping({ bib: 0, club: 6 }, 3)).toEqual({ bib: 0 });
		expect(completeMapping({ firstName: 1 })).toBeUndefined();
		expect(completeMapping({ bib: 3, email: 1 })).toEqual({ bib: 3, email: 1 });
	});
});
