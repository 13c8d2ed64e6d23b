import { describe, expect, it } from "vitest";
import { JsonPathError, parseJsonPath, readJsonField, readJsonList } from "./json-path.ts";

const list = (value: unknown, path: string) => readJsonList(value, parseJsonPath(path));
const field = (value: unknown, path: string) => readJsonField(value, parseJsonPath(path));

describe("json paths", () => {
	it("walks keys and array indexes", () => {
		const value = { data: { participants: [{ id: 1 }, { id: 2 }] } };
		expect(list(value, "data.participants")).toEqual([{ id: 1 }, { id: 2 }]);
		expect(field(value, "data.participants.1.id")).toBe(2);
		expect(field(value, "data.nothing.here")).toBeUndefined();
	});

	it("flattens with [], on a top-level array or a single object alike", () => {
		const perEvent = [{ participants: [1, 2] }, { participants: [3] }];
		expect(list(perEvent, "[].participants")).toEqual([1, 2, 3]);
		expect(list({ participants: [4] }, "[].participants")).toEqual([4]);
		expect(list({ events: [{ runners: [1] }, { runners: [2] }] }, "events[].runners")).toEqual([1, 2]);
		// A trailing [] names the same list.
		expect(list({ runners: [1, 2] }, "runners[]")).toEqual([1, 2]);
	});

	it("takes the answer itself for an empty path, and nothing when no array is reached", () => {
		expect(list([1, 2], "")).toEqual([1, 2]);
		expect(list({ a: 1 }, "a")).toBeUndefined();
	});

	it("reads the first non-null field through []", () => {
		expect(field({ bibs: [{ n: null }, { n: "12" }] }, "bibs[].n")).toBe("12");
	});

	it("refuses paths it cannot read", () => {
		expect(() => parseJsonPath("a..b")).toThrow(JsonPathError);
		expect(() => parseJsonPath("a[0]")).toThrow(JsonPathError);
	});
});
