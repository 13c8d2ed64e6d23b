import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeStripe, startFakeStripe } from "./fake-stripe-server.ts";
import { createPaymentIntent, paymentIntentParams } from "./payment-intent.ts";
import { createStripeClient, type Stripe } from "./stripe-client.ts";
import { StripeSignatureError, verifyStripeWebhook } from "./webhook.ts";
import { signStripeEventForTest } from "./webhook-signing.testkit.ts";

const secret = "whsec_test_focus_racer";

describe("verifyStripeWebhook", () => {
	let fake: FakeStripe;
	let stripe: Stripe;
	let payload: string;
	let intentId: string;
	beforeAll(async () => {
		fake = await startFakeStripe();
		stripe = createStripeClient({ secretKey: fake.secretKey, apiBase: fake.apiBase });
		const params = paymentIntentParams({
			orderId: "hook-1",
			eventId: "event-1",
			totalCents: 1800,
			currency: "eur",
			buyerEmail: "runner@example.com",
			description: "Photos",
			destinationAccountId: null,
			serviceFeeCents: 0,
		});
		intentId = (await createPaymentIntent(stripe, params, "hook-1")).id;
		// Pretty-printed like Stripe's own bodies: the check must use these exact bytes.
		payload = JSON.stringify(fake.succeedPaymentIntent(intentId), null, 2);
	});
	afterAll(() => fake.close());

	function refusal(run: () => unknown): StripeSignatureError {
		try {
			run();
		} catch (error) {
			if (error instanceof StripeSignatureError) return error;
			throw error;
		}
		throw new Error("the webhook was accepted");
	}

	it("accepts a signed payload, as a string or the raw Buffer", () => {
		const header = signStripeEventForTest(payload, secret);
		const event = verifyStripeWebhook(stripe, payload, header, secret);
		expect(event.type).toBe("payment_intent.succeeded");
		expect(event.id).toMatch(/^evt_/);
		if (event.type !== "payment_intent.succeeded") throw new Error("unreachable");
		expect(event.data.object.id).toBe(intentId);
		expect(event.data.object.metadata).toEqual({ order_id: "hook-1", event_id: "event-1" });
		expect(verifyStripeWebhook(stripe, Buffer.from(payload), header, secret).id).toBe(event.id);
	});

	it("refuses a body changed after signing", () => {
		const header = signStripeEventForTest(payload, secret);
		const tampered = payload.replace('"amount": 1800', '"amount": 1');
		expect(tampered).not.toBe(payload);
		expect(refusal(() => verifyStripeWebhook(stripe, tampered, header, secret)).reason).toBe("invalid");
		// Parsing and re-serialising changes the bytes too.
		const reserialised = JSON.stringify(JSON.parse(payload));
		expect(refusal(() => verifyStripeWebhook(stripe, reserialised, header, secret)).reason).toBe("invalid");
	});

	it("refuses a signature made with another secret", () => {
		const header = signStripeEventForTest(payload, "whsec_someone_else");
		const error = refusal(() => verifyStripeWebhook(stripe, payload, header, secret));
		expect(error.reason).toBe("invalid");
		expect(error.message).toMatch(/does not match/);
	});

	it("refuses a request without a signature", () => {
		expect(refusal(() => verifyStripeWebhook(stripe, payload, undefined, secret)).reason).toBe("missing");
		expect(refusal(() => verifyStripeWebhook(stripe, payload, " ", secret)).reason).toBe("missing");
		expect(refusal(() => verifyStripeWebhook(stripe, payload, "garbage", secret)).reason).toBe("invalid");
	});

	it("refuses an old signature (a replay), and accepts one inside the tolerance", () => {
		const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
		const old = signStripeEventForTest(payload, secret, tenMinutesAgo);
		const error = refusal(() => verifyStripeWebhook(stripe, payload, old, secret));
		expect(error.reason).toBe("expired");
		expect(error.message).toMatch(/300 s ago/);
		const recent = signStripeEventForTest(payload, secret, Math.floor(Date.now() / 1000) - 60);
		expect(verifyStripeWebhook(stripe, payload, recent, secret).type).toBe("payment_intent.succeeded");
	});
});
