import { Stripe } from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeStripe, startFakeStripe } from "./fake-stripe-server.ts";
import { createStripeClient, type PaymentsMode, paymentsMode } from "./stripe-client.ts";

describe("paymentsMode", () => {
	it.each<[string | undefined, "development" | "production" | "test", PaymentsMode]>([
		["sk_test_1", "development", "stripe"],
		["sk_live_1", "production", "stripe"],
		["rk_live_1", "production", "stripe"],
		["sk_test_1", "test", "stripe"],
		[undefined, "development", "test"],
		[undefined, "test", "test"],
		// A production site without keys must not offer the free test payment.
		[undefined, "production", "disabled"],
	])("key %s, NODE_ENV %s → %s", (key, nodeEnv, mode) => {
		expect(paymentsMode({ STRIPE_SECRET_KEY: key, NODE_ENV: nodeEnv })).toBe(mode);
	});
});

describe("createStripeClient", () => {
	let fake: FakeStripe;
	beforeAll(async () => {
		fake = await startFakeStripe();
	});
	afterAll(() => fake.close());

	it("talks to STRIPE_API_BASE with the key, the SDK's API version and our app name", async () => {
		const stripe = createStripeClient({ secretKey: "sk_test_client", apiBase: fake.apiBase });
		const account = await stripe.accounts.create({ type: "express", country: "FR" });
		expect(account).toMatchObject({ object: "account", type: "express", country: "FR" });
		const request = fake.requests.at(-1);
		expect(request?.headers.authorization).toBe("Bearer sk_test_client");
		expect(request?.headers["stripe-version"]).toBe(Stripe.API_VERSION);
		expect(request?.headers["user-agent"]).toContain("Focus Racer");
		expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
	});

	it("refuses an api base it could not honour", () => {
		expect(() => createStripeClient({ secretKey: "sk_test_1", apiBase: "not a url" })).toThrow(
			/STRIPE_API_BASE/,
		);
		expect(() => createStripeClient({ secretKey: "sk_test_1", apiBase: "ftp://127.0.0.1" })).toThrow(/http/);
		expect(() =>
			createStripeClient({ secretKey: "sk_test_1", apiBase: "http://127.0.0.1:1/stripe" }),
		).toThrow(/without a path/);
	});

	it("defaults to api.stripe.com over https", () => {
		const stripe = createStripeClient({ secretKey: "sk_test_1" });
		expect(stripe.getApiField("host")).toBe("api.stripe.com");
		expect(stripe.getApiField("protocol")).toBe("https");
		expect(stripe.getApiField("maxNetworkRetries")).toBe(2);
	});
});
