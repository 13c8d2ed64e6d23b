import { describe, expect, it } from "vitest";
import { formatRate } from "./rates.ts";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatRate", () => {
	it("writes a share as a percentage in the locale's style", () => {
		expect(plain(formatRate(0.72, "fr-FR"))).toBe("72 %");
		expect(formatRate(0.72, "en-GB")).toBe("72%");
		expect(formatRate(0.034, "en-GB")).toBe("3.4%");
	});

	it("shows a dash when there was nothing to measure", () => {
		expect(formatRate(null, "fr-FR")).toBe("—");
	});
});
