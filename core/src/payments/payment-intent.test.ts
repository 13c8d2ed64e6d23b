import { Stripe } from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { type FakeStripe, startFakeStripe } from "./fake-stripe-server.ts";
import {
	createPaymentIntent,
	type PaymentIntentInput,
	paymentIntentParams,
	readChargeFees,
} from "./payment-intent.ts";
import { createStripeClient } from "./stripe-client.ts";

const order: PaymentIntentInput = {
	orderId: "0b5d6a9e-order",
	eventId: "e7a1-event",
	totalCents: 2500,
	currency: "EUR",
	buyerEmail: "runner@example.com",
	description: "Photos — Marathon de Lyon",
	destinationAccountId: null,
	serviceFeeCents: 100,
};

describe("paymentIntentParams", () => {
	it("makes a plain platform charge without a destination", () => {
		expect(paymentIntentParams(order)).toEqual({
			amount: 2500,
			currency: "eur",
			automatic_payment_methods: { enabled: true },
			receipt_email: "runner@example.com",
			description: "Photos — Marathon de Lyon",
			metadata: { order_id: "0b5d6a9e-order", event_id: "e7a1-event" },
		});
	});

	it("makes a destination charge with the service fee as application fee", () => {
		expect(paymentIntentParams({ ...order, destinationAccountId: "acct_seller" })).toEqual({
			amount: 2500,
			currency: "eur",
			automatic_payment_methods: { enabled: true },
			receipt_email: "runner@example.com",
			description: "Photos — Marathon de Lyon",
			metadata: { order_id: "0b5d6a9e-order", event_id: "e7a1-event" },
			transfer_data: { destination: "acct_seller" },
			application_fee_amount: 100,
		});
	});

	it.each<[string, Partial<PaymentIntentInput>, RegExp]>([
		["below Stripe's minimum", { totalCents: 49 }, /at least 50/],
		["a fraction of a cent", { totalCents: 1250.5 }, /whole number/],
		["above eight digits", { totalCents: 100_000_000 }, /at most/],
		["a currency that is not ISO 4217", { currency: "euro" }, /three-letter/],
		["a missing order id", { orderId: "" }, /order and event/],
		["a destination that is not an account", { destinationAccountId: "seller-1" }, /acct_/],
		[
			"a fee as large as the total",
			{ destinationAccountId: "acct_1", totalCents: 100 },
			/less than the total/,
		],
		["a negative fee", { destinationAccountId: "acct_1", serviceFeeCents: -1 }, /non-negative/],
		["a fractional fee", { destinationAccountId: "acct_1", serviceFeeCents: 0.5 }, /whole/],
	])("refuses %s", (_, change, message) => {
		const run = () => paymentIntentParams({ ...order, ...change });
		expect(run).toThrow(AppError);
		expect(run).toThrow(message);
	});

	it("ignores the fee of a platform charge, which has none", () => {
		expect(paymentIntentParams({ ...order, totalCents: 60, serviceFeeCents: 100 })).not.toHaveProperty(
			"application_fee_amount",
		);
	});
});

describe("PaymentIntents through the SDK", () => {
	let fake: FakeStripe;
	let stripe: Stripe;
	let seller: string;
	beforeAll(async () => {
		fake = await startFakeStripe();
		stripe = createStripeClient({ secretKey: fake.secretKey, apiBase: fake.apiBase });
		seller = (await stripe.accounts.create({ type: "express" })).id;
	});
	afterAll(() => fake.close());

	it("sends a destination charge on the wire, keyed by the order", async () => {
		const params = paymentIntentParams({ ...order, orderId: "wire-1", destinationAccountId: seller });
		const intent = await createPaymentIntent(stripe, params, "wire-1");

		const request = fake.requests.at(-1);
		expect(request?.method).toBe("POST");
		expect(request?.path).toBe("/v1/payment_intents");
		expect(request?.headers["idempotency-key"]).toBe("order-wire-1-pi");
		expect(request?.body).toEqual({
			amount: "2500",
			currency: "eur",
			automatic_payment_methods: { enabled: "true" },
			receipt_email: "runner@example.com",
			description: "Photos — Marathon de Lyon",
			metadata: { order_id: "wire-1", event_id: "e7a1-event" },
			transfer_data: { destination: seller },
			application_fee_amount: "100",
		});
		expect(intent).toMatchObject({
			object: "payment_intent",
			amount: 2500,
			currency: "eur",
			application_fee_amount: 100,
			transfer_data: { destination: seller },
			automatic_payment_methods: { enabled: true },
			metadata: { order_id: "wire-1", event_id: "e7a1-event" },
			receipt_email: "runner@example.com",
			status: "requires_payment_method",
			livemode: false,
		});
		expect(intent.id).toMatch(/^pi_\w+$/);
		expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_\\w+$`));
	});

	it("sends a plain charge without any fee field", async () => {
		await createPaymentIntent(stripe, paymentIntentParams({ ...order, orderId: "plain-1" }), "plain-1");
		const body = fake.requests.at(-1)?.body;
		expect(body).toMatchObject({ amount: "2500", metadata: { order_id: "plain-1" } });
		expect(body).not.toHaveProperty("transfer_data");
		expect(body).not.toHaveProperty("application_fee_amount");
	});

	it("creates one intent for a checkout retried with the same order", async () => {
		const before = fake.paymentIntents.size;
		const params = paymentIntentParams({ ...order, orderId: "twice-1" });
		const first = await createPaymentIntent(stripe, params, "twice-1");
		const second = await createPaymentIntent(stripe, params, "twice-1");
		expect(second.id).toBe(first.id);
		expect(second.client_secret).toBe(first.client_secret);
		expect(fake.paymentIntents.size).toBe(before + 1);
		expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
	});

	it("is refused by Stripe when an order's amount changes after its checkout started", async () => {
		await createPaymentIntent(stripe, paymentIntentParams({ ...order, orderId: "changed-1" }), "changed-1");
		const changed = paymentIntentParams({ ...order, orderId: "changed-1", totalCents: 3000 });
		await expect(createPaymentIntent(stripe, changed, "changed-1")).rejects.toBeInstanceOf(
			Stripe.errors.StripeIdempotencyError,
		);
	});

	it("retries a 5xx with the same idempotency key, then succeeds", async () => {
		fake.failNext(500, { type: "api_error", message: "Something went wrong on Stripe's end." });
		const intent = await createPaymentIntent(
			stripe,
			paymentIntentParams({ ...order, orderId: "retry-1" }),
			"retry-1",
		);
		const attempts = fake.requests.filter((r) => r.headers["idempotency-key"] === "order-retry-1-pi");
		expect(attempts).toHaveLength(2);
		expect(fake.paymentIntents.get(intent.id)).toBeDefined();
	});

	it("surfaces API errors as the SDK's error classes", async () => {
		fake.failNext(402, { type: "card_error", code: "card_declined", decline_code: "generic_decline" });
		const declined = createPaymentIntent(
			stripe,
			paymentIntentParams({ ...order, orderId: "err-1" }),
			"err-1",
		);
		await expect(declined).rejects.toBeInstanceOf(Stripe.errors.StripeCardError);
		await expect(declined).rejects.toMatchObject({ statusCode: 402, code: "card_declined" });

		fake.failNext(400, {
			type: "invalid_request_error",
			message: "Invalid currency: xyz",
			param: "currency",
		});
		await expect(
			createPaymentIntent(stripe, paymentIntentParams({ ...order, orderId: "err-2" }), "err-2"),
		).rejects.toMatchObject({ type: "StripeInvalidRequestError", message: "Invalid currency: xyz" });

		await expect(readChargeFees(stripe, "pi_missing")).rejects.toMatchObject({
			type: "StripeInvalidRequestError",
			statusCode: 404,
			code: "resource_missing",
		});
	});

	it("reads the Stripe fee and the seller's transfer of a paid destination charge", async () => {
		const params = paymentIntentParams({ ...order, orderId: "fees-1", destinationAccountId: seller });
		const intent = await createPaymentIntent(stripe, params, "fees-1");
		expect(await readChargeFees(stripe, intent.id)).toEqual({
			chargeId: null,
			stripeFeeCents: null,
			transferId: null,
		});

		fake.succeedPaymentIntent(intent.id);
		const fees = await readChargeFees(stripe, intent.id);
		const request = fake.requests.at(-1);
		expect(request?.method).toBe("GET");
		expect(request?.body).toEqual({ expand: ["latest_charge.balance_transaction"] });
		expect(fees.chargeId).toMatch(/^ch_/);
		expect(fees.stripeFeeCents).toBe(25 + Math.round(2500 * 0.015));
		expect(fees.transferId).toMatch(/^tr_/);
		expect(fake.objects.get(fees.transferId ?? "")).toMatchObject({ destination: seller, amount: 2400 });
	});

	it("reads no transfer on a platform charge, and the fee the fake was told", async () => {
		const custom = await startFakeStripe({ stripeFee: () => 42 });
		try {
			const client = createStripeClient({ secretKey: custom.secretKey, apiBase: custom.apiBase });
			const intent = await createPaymentIntent(client, paymentIntentParams(order), order.orderId);
			custom.succeedPaymentIntent(intent.id);
			const fees = await readChargeFees(client, intent.id);
			expect(fees).toEqual({ chargeId: expect.stringMatching(/^ch_/), stripeFeeCents: 42, transferId: null });
		} finally {
			await custom.close();
		}
	});
});
