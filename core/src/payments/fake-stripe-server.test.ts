import { Stripe } from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultStripeFee, type FakeStripe, startFakeStripe } from "./fake-stripe-server.ts";
import { createStripeClient } from "./stripe-client.ts";

describe("fake Stripe", () => {
	let fake: FakeStripe;
	let stripe: Stripe;
	beforeAll(async () => {
		fake = await startFakeStripe();
		stripe = createStripeClient({ secretKey: fake.secretKey, apiBase: fake.apiBase });
	});
	afterAll(() => fake.close());

	it("creates Checkout Sessions", async () => {
		const session = await stripe.checkout.sessions.create({
			mode: "payment",
			success_url: "https://photos.example.com/done",
			line_items: [
				{ price_data: { currency: "eur", unit_amount: 600, product_data: { name: "Photo" } }, quantity: 2 },
			],
			metadata: { order_id: "o-1" },
		});
		expect(session).toMatchObject({
			object: "checkout.session",
			mode: "payment",
			amount_total: 1200,
			currency: "eur",
			status: "open",
			payment_status: "unpaid",
			metadata: { order_id: "o-1" },
		});
		expect(session.id).toMatch(/^cs_test_/);
		expect(session.url).toBe(`${fake.apiBase}/checkout/${session.id}`);
		expect(fake.requests.at(-1)?.body).toMatchObject({
			line_items: [{ price_data: { unit_amount: "600", product_data: { name: "Photo" } }, quantity: "2" }],
		});
	});

	it("creates Connect accounts with onboarding and dashboard links", async () => {
		const account = await stripe.accounts.create({
			type: "express",
			country: "FR",
			email: "pro@example.com",
		});
		expect(account).toMatchObject({ object: "account", charges_enabled: false, email: "pro@example.com" });
		expect(account.id).toMatch(/^acct_/);
		expect(await stripe.accounts.retrieve(account.id)).toMatchObject({ id: account.id, type: "express" });

		const link = await stripe.accountLinks.create({
			account: account.id,
			type: "account_onboarding",
			refresh_url: "https://photos.example.com/onboarding/refresh",
			return_url: "https://photos.example.com/onboarding/done",
		});
		expect(link.object).toBe("account_link");
		expect(link.url).toContain(`/connect/setup/${account.id}/`);
		expect(link.expires_at).toBeGreaterThan(link.created);

		const login = await stripe.accounts.createLoginLink(account.id);
		expect(login).toMatchObject({
			object: "login_link",
			url: `${fake.apiBase}/connect/express/${account.id}`,
		});

		await expect(stripe.accounts.createLoginLink("acct_unknown")).rejects.toMatchObject({
			type: "StripeInvalidRequestError",
			message: "No such account: 'acct_unknown'",
		});
	});

	it("succeeds a PaymentIntent into a charge, its fee and the event", async () => {
		const seller = (await stripe.accounts.create({ type: "express" })).id;
		const intent = await stripe.paymentIntents.create({
			amount: 5000,
			currency: "eur",
			transfer_data: { destination: seller },
			application_fee_amount: 100,
			metadata: { order_id: "o-2" },
		});
		const event = fake.succeedPaymentIntent(intent.id);
		expect(event).toMatchObject({
			object: "event",
			type: "payment_intent.succeeded",
			api_version: Stripe.API_VERSION,
			livemode: false,
			data: { object: { id: intent.id, status: "succeeded", amount_received: 5000 } },
		});
		expect(event.id).toMatch(/^evt_/);

		const paid = await stripe.paymentIntents.retrieve(intent.id, {
			expand: ["latest_charge.balance_transaction"],
		});
		expect(paid.status).toBe("succeeded");
		const charge = paid.latest_charge as Stripe.Charge;
		expect(charge).toMatchObject({ object: "charge", paid: true, payment_intent: intent.id, amount: 5000 });
		expect(charge.balance_transaction).toMatchObject({
			object: "balance_transaction",
			fee: defaultStripeFee(5000),
			net: 5000 - defaultStripeFee(5000),
		});
		expect(defaultStripeFee(5000)).toBe(100);
		// Without the expansion the charge stays an id, as with Stripe.
		expect((await stripe.paymentIntents.retrieve(intent.id)).latest_charge).toBe(charge.id);
		expect(await stripe.charges.retrieve(charge.id)).toMatchObject({
			transfer: expect.stringMatching(/^tr_/),
		});
		expect(() => fake.succeedPaymentIntent(intent.id)).toThrow(/already succeeded/);
	});

	it("refuses what Stripe refuses", async () => {
		await expect(
			stripe.paymentIntents.create({ amount: 1000, currency: "eur", application_fee_amount: 100 }),
		).rejects.toMatchObject({ param: "application_fee_amount" });
		await expect(
			stripe.paymentIntents.create({
				amount: 1000,
				currency: "eur",
				transfer_data: { destination: "acct_nope" },
			}),
		).rejects.toMatchObject({ code: "resource_missing" });
		await expect(stripe.paymentIntents.create({ amount: 30, currency: "eur" })).rejects.toMatchObject({
			code: "amount_too_small",
		});
		await expect(
			stripe.paymentIntents.create({ amount: 1000, currency: "eur", confirm: true }),
		).rejects.toMatchObject({ code: "parameter_unknown", param: "confirm" });
		const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "eur" });
		await expect(stripe.paymentIntents.retrieve(intent.id, { expand: ["currency"] })).rejects.toMatchObject({
			message: "This property cannot be expanded (currency).",
		});
		// A null charge expands to null.
		expect(
			(await stripe.paymentIntents.retrieve(intent.id, { expand: ["latest_charge"] })).latest_charge,
		).toBe(null);
		await expect(stripe.charges.retrieve(intent.id)).rejects.toMatchObject({ statusCode: 404 });
	});

	it("answers an unknown route with Stripe's 404 error", async () => {
		await expect(stripe.refunds.create({ payment_intent: "pi_1" })).rejects.toMatchObject({
			type: "StripeInvalidRequestError",
			statusCode: 404,
			message: expect.stringContaining("Unrecognized request URL (POST: /v1/refunds)"),
		});
		const response = await fetch(`${fake.apiBase}/v1/nothing`, {
			headers: { authorization: `Bearer ${fake.secretKey}` },
		});
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({
			error: { type: "invalid_request_error", message: expect.stringContaining("GET: /v1/nothing") },
		});
	});

	it("answers 401 without a secret key", async () => {
		const response = await fetch(`${fake.apiBase}/v1/payment_intents`, { method: "POST" });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({
			error: {
				type: "invalid_request_error",
				message: expect.stringContaining("did not provide an API key"),
			},
		});
		const publishable = createStripeClient({ secretKey: "pk_test_1", apiBase: fake.apiBase });
		await expect(publishable.accounts.create({})).rejects.toBeInstanceOf(
			Stripe.errors.StripeAuthenticationError,
		);
	});

	it("replays an answer for a repeated idempotency key", async () => {
		const options = { idempotencyKey: "account-once" };
		const first = await stripe.accounts.create({ email: "once@example.com" }, options);
		const again = await stripe.accounts.create({ email: "once@example.com" }, options);
		expect(again.id).toBe(first.id);
		expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
		expect(again.lastResponse.idempotencyKey).toBe("account-once");
		await expect(stripe.accounts.create({ email: "other@example.com" }, options)).rejects.toBeInstanceOf(
			Stripe.errors.StripeIdempotencyError,
		);
	});

	it("fails the next requests as told, in turn", async () => {
		fake.failNext(402, { type: "card_error", code: "card_declined", message: "Your card was declined." });
		fake.failNext(403, { type: "invalid_request_error", message: "Not allowed." });
		await expect(stripe.accounts.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeCardError);
		await expect(stripe.accounts.create({})).rejects.toBeInstanceOf(Stripe.errors.StripePermissionError);
		expect((await stripe.accounts.create({})).object).toBe("account");
		// 5xx: the SDK's two retries each take one failure before it gives up.
		for (let i = 0; i < 3; i++) fake.failNext(503, { type: "api_error", message: "Stripe is down." });
		await expect(stripe.accounts.create({})).rejects.toMatchObject({
			type: "StripeAPIError",
			statusCode: 503,
		});
	});
});
