import { describe, expect, it } from "vitest";
import { formatPrice } from "./format-price.ts";

// Intl puts a no-break space (U+00A0 or U+202F) between amount and sign in French.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatPrice", () => {
	it("writes whole euros without decimals, in the locale's style", () => {
		expect(plain(formatPrice(500, "fr-FR"))).toBe("5 €");
		expect(plain(formatPrice(2500, "fr-FR"))).toBe("25 €");
		expect(formatPrice(1500, "en-GB")).toBe("€15");
	});

	it("keeps the cents when there are some", () => {
		expect(plain(formatPrice(450, "fr-FR"))).toBe("4,50 €");
		expect(formatPrice(1099, "en-GB")).toBe("€10.99");
	});

	it("writes zero as a price, not as nothing", () => {
		expect(plain(formatPrice(0, "fr-FR"))).toBe("0 €");
	});
});
