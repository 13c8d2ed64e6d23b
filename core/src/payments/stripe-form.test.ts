import { describe, expect, it } from "vitest";
import { parseStripeForm, StripeFormError } from "./stripe-form.ts";

describe("parseStripeForm", () => {
	it("nests bracketed keys into objects", () => {
		expect(
			parseStripeForm(
				"amount=2500&metadata[order_id]=o-1&metadata[event_id]=e-1&transfer_data[destination]=acct_1",
			),
		).toEqual({
			amount: "2500",
			metadata: { order_id: "o-1", event_id: "e-1" },
			transfer_data: { destination: "acct_1" },
		});
	});

	it("reads indexed and empty-bracket arrays, and arrays of objects", () => {
		expect(parseStripeForm("expand[0]=a&expand[1]=b.c")).toEqual({ expand: ["a", "b.c"] });
		expect(parseStripeForm("expand[]=a&expand[]=b")).toEqual({ expand: ["a", "b"] });
		expect(
			parseStripeForm(
				"line_items[0][price_data][unit_amount]=500&line_items[0][quantity]=2&line_items[1][quantity]=1",
			),
		).toEqual({ line_items: [{ price_data: { unit_amount: "500" }, quantity: "2" }, { quantity: "1" }] });
	});

	it("decodes percent-escapes, + as a space, and encoded brackets", () => {
		expect(parseStripeForm("description=Photos%20%26+more&receipt_email=a%2Bb%40x.fr")).toEqual({
			description: "Photos & more",
			receipt_email: "a+b@x.fr",
		});
		expect(parseStripeForm("metadata%5Border_id%5D=o")).toEqual({ metadata: { order_id: "o" } });
		expect(parseStripeForm("")).toEqual({});
		expect(parseStripeForm("flag")).toEqual({ flag: "" });
	});

	it("refuses what Stripe refuses: conflicting shapes, bad escapes, prototype keys", () => {
		expect(() => parseStripeForm("metadata=x&metadata[a]=b")).toThrow(StripeFormError);
		expect(() => parseStripeForm("expand[0]=a&expand[x]=b")).toThrow(StripeFormError);
		expect(() => parseStripeForm("a=%E0%A4%A")).toThrow(StripeFormError);
		expect(() => parseStripeForm("__proto__[polluted]=1")).toThrow(StripeFormError);
		expect(() => parseStripeForm("metadata[constructor][prototype]=1")).toThrow(StripeFormError);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
