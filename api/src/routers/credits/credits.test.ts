import { type FakeStripe, signStripeEventForTest } from "@focus-racer/core/testing/stripe";
import { creditSubscriptions, creditTransactions, users } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../../testing/factories.ts";
import { type StripeHarnesses, startStripeHarnesses } from "../../testing/stripe-harnesses.ts";
import { testOrigin, trpcCaller } from "../../testing/test-app.ts";
import { loginCookie, type UploadHarness } from "../../testing/upload-harness.ts";

const webhookSecret = "whsec_test_credits";
let stripe: FakeStripe;
let live: UploadHarness;
let testMode: UploadHarness;

let harnesses: StripeHarnesses | undefined;

beforeAll(async () => {
	harnesses = await startStripeHarnesses(webhookSecret);
	({ stripe, live, testMode } = harnesses);
});
afterAll(() => harnesses?.close());

function call<T>(
	h: UploadHarness,
	kind: "query" | "mutation",
	path: string,
	input?: unknown,
	cookie?: string,
) {
	return trpcCaller(h.app)<T>(kind, path, input, cookie);
}

let eventCount = 0;
function event(type: string, object: Record<string, unknown>) {
	return {
		id: `evt_${type}_${++eventCount}`,
		object: "event",
		type,
		created: Math.floor(Date.now() / 1000),
		data: { object },
	};
}

async function postWebhook(payload: unknown) {
	const body = JSON.stringify(payload);
	const res = await live.app.request(`${testOrigin}/api/stripe/webhook`, {
		method: "POST",
		headers: {
			"content-type": "application/json",
			"stripe-signature": signStripeEventForTest(body, webhookSecret),
		},
		body,
	});
	return res.status;
}

async function balanceOf(h: UploadHarness, user: TestUser) {
	const [row] = await h.tdb.db
		.select({ balance: users.creditsBalance })
		.from(users)
		.where(eq(users.id, user.id));
	return row?.balance;
}

describe("buying credits with Stripe Checkout", () => {
	it("opens a Checkout session priced on the server, and grants the pack once on its webhook", async () => {
		const pro = await createTestUser(live.tdb.db, { role: "photographer" });
		const cookie = await loginCookie(live.app, pro);
		const res = await call<{ mode: string; url: string }>(
			live,
			"mutation",
			"credits.buy",
			{ offerId: "pack-5000" },
			cookie,
		);
		expect(res.data.mode).toBe("stripe");
		const request = stripe.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1);
		expect(request?.body).toMatchObject({
			mode: "payment",
			client_reference_id: pro.id,
			metadata: { user_id: pro.id, offer_id: "pack-5000" },
			line_items: [{ quantity: "1", price_data: { currency: "eur", unit_amount: "8500" } }],
		});
		const session = {
			id: "cs_test_pack",
			object: "checkout.session",
			mode: "payment",
			payment_status: "paid",
			amount_total: 8500,
			customer: "cus_123",
			metadata: { user_id: pro.id, offer_id: "pack-5000" },
		};
		const completed = event("checkout.session.completed", session);
		expect(await postWebhook(completed)).toBe(200);
		expect(await postWebhook(completed)).toBe(200);
		// The same session delivered under another event id (Stripe may) grants nothing either.
		expect(await postWebhook(event("checkout.session.completed", session))).toBe(200);
		expect(await balanceOf(live, pro)).toBe(5000);
		const [row] = await live.tdb.db.select().from(users).where(eq(users.id, pro.id));
		expect(row?.stripeCustomerId).toBe("cus_123");
		const history = await call<{
			transactions: Array<{ kind: string; amount: number; balanceAfter: number }>;
		}>(live, "query", "credits.history", undefined, cookie);
		expect(history.data.transactions).toEqual([
			expect.objectContaining({ kind: "purchase", amount: 5000, balanceAfter: 5000 }),
		]);
		expect((await call(live, "mutation", "credits.payTest", { offerId: "pack-1000" }, cookie)).code).toBe(
			"FORBIDDEN",
		);
	});

	it("grants nothing for an unsettled or wrongly priced session", async () => {
		const pro = await createTestUser(live.tdb.db, { role: "photographer" });
		const base = {
			object: "checkout.session",
			mode: "payment",
			metadata: { user_id: pro.id, offer_id: "pack-1000" },
		};
		await postWebhook(
			event("checkout.session.completed", {
				...base,
				id: "cs_unpaid",
				payment_status: "unpaid",
				amount_total: 1900,
			}),
		);
		await postWebhook(
			event("checkout.session.completed", {
				...base,
				id: "cs_cheap",
				payment_status: "paid",
				amount_total: 100,
			}),
		);
		expect(await balanceOf(live, pro)).toBe(0);
		// The delayed SEPA payment settles later.
		await postWebhook(
			event("checkout.session.async_payment_succeeded", {
				...base,
				id: "cs_unpaid",
				payment_status: "paid",
				amount_total: 1900,
			}),
		);
		expect(await balanceOf(live, pro)).toBe(1000);
	});

	it("adds a plan's credits on each paid invoice, even when the invoice comes before the session", async () => {
		const pro = await createTestUser(live.tdb.db, { role: "agency" });
		const metadata = { user_id: pro.id, offer_id: "monthly-20000" };
		const invoice = (id: string, end: number) => ({
			id,
			object: "invoice",
			amount_paid: 19900,
			parent: { type: "subscription_details", subscription_details: { subscription: "sub_1", metadata } },
			lines: { object: "list", data: [{ period: { start: end - 2_592_000, end } }] },
		});
		const periodEnd = Math.floor(Date.now() / 1000) + 2_592_000;
		await postWebhook(event("invoice.payment_succeeded", invoice("in_1", periodEnd)));
		await postWebhook(
			event("checkout.session.completed", {
				id: "cs_sub",
				object: "checkout.session",
				mode: "subscription",
				subscription: "sub_1",
				metadata,
			}),
		);
		await postWebhook(event("invoice.payment_succeeded", invoice("in_1", periodEnd)));
		expect(await balanceOf(live, pro)).toBe(20000);
		await postWebhook(event("invoice.payment_succeeded", invoice("in_2", periodEnd + 2_592_000)));
		expect(await balanceOf(live, pro)).toBe(40000);
		await postWebhook(
			event("customer.subscription.updated", {
				id: "sub_1",
				object: "subscription",
				status: "active",
				cancel_at_period_end: true,
				items: { data: [{ current_period_end: periodEnd + 2_592_000 }] },
			}),
		);
		const [plan] = await live.tdb.db
			.select()
			.from(creditSubscriptions)
			.where(eq(creditSubscriptions.stripeSubscriptionId, "sub_1"));
		expect(plan).toMatchObject({
			userId: pro.id,
			plan: "monthly-20000",
			status: "active",
			cancelAtPeriodEnd: true,
		});
		const moves = await live.tdb.db
			.select()
			.from(creditTransactions)
			.where(eq(creditTransactions.userId, pro.id));
		expect(moves.map((m) => [m.kind, m.reference]).sort()).toEqual([
			["subscription", "in_1"],
			["subscription", "in_2"],
		]);
	});
});

describe("credits without Stripe keys", () => {
	it("offers the explicit test payment, which grants through the same movements", async () => {
		const pro = await createTestUser(testMode.tdb.db, { role: "photographer" });
		const cookie = await loginCookie(testMode.app, pro);
		const offers = await call<{ mode: string; offers: Array<{ id: string }> }>(
			testMode,
			"query",
			"credits.offers",
			undefined,
			cookie,
		);
		expect(offers.data.mode).toBe("test");
		expect(offers.data.offers.map((o) => o.id)).toEqual([
			"pack-1000",
			"pack-5000",
			"pack-15000",
			"monthly-20000",
			"monthly-50000",
		]);
		expect(
			(await call<{ mode: string }>(testMode, "mutation", "credits.buy", { offerId: "pack-1000" }, cookie))
				.data,
		).toEqual({ mode: "test" });
		await call(testMode, "mutation", "credits.payTest", { offerId: "pack-1000" }, cookie);
		await call(testMode, "mutation", "credits.payTest", { offerId: "monthly-50000" }, cookie);
		expect(await balanceOf(testMode, pro)).toBe(51000);
		const history = await call<{ subscriptions: Array<{ plan: string; status: string }> }>(
			testMode,
			"query",
			"credits.history",
			undefined,
			cookie,
		);
		expect(history.data.subscriptions).toEqual([
			expect.objectContaining({ plan: "monthly-50000", status: "active" }),
		]);
		const runner = await loginCookie(testMode.app, await createTestUser(testMode.tdb.db));
		expect((await call(testMode, "mutation", "credits.payTest", { offerId: "pack-1000" }, runner)).code).toBe(
			"FORBIDDEN",
		);
		expect((await call(testMode, "mutation", "credits.buy", { offerId: "pack-999" }, cookie)).code).toBe(
			"BAD_REQUEST",
		);
		// Runners have no credits, payouts or Connect account; guests nothing at all.
		for (const path of ["credits.offers", "credits.history", "payouts.status", "payouts.summary"]) {
			expect((await call(testMode, "query", path, undefined, runner)).code).toBe("FORBIDDEN");
		}
		expect((await call(testMode, "mutation", "payouts.onboard", {}, runner)).code).toBe("FORBIDDEN");
		expect((await call(testMode, "query", "credits.history", undefined)).code).toBe("UNAUTHORIZED");
	});
});

describe("Stripe Connect for sellers", () => {
	it("creates the Express account once, links to onboarding, mirrors account.updated, links the dashboard", async () => {
		const pro = await createTestUser(live.tdb.db, { role: "photographer" });
		const cookie = await loginCookie(live.app, pro);
		const before = await call<{ connected: boolean; chargesEnabled: boolean }>(
			live,
			"query",
			"payouts.status",
			undefined,
			cookie,
		);
		expect(before.data).toMatchObject({ connected: false, chargesEnabled: false });
		const first = await call<{ url: string }>(live, "mutation", "payouts.onboard", {}, cookie);
		const second = await call<{ url: string }>(live, "mutation", "payouts.onboard", {}, cookie);
		expect(first.data.url).toMatch(/^http/);
		expect(stripe.requests.filter((r) => r.path === "/v1/accounts" && r.method === "POST")).toHaveLength(1);
		const linkRequest = stripe.requests.filter((r) => r.path === "/v1/account_links").at(-1);
		expect(linkRequest?.body).toMatchObject({
			type: "account_onboarding",
			return_url: `${testOrigin}/pro/payouts`,
		});
		expect(second.data.url).toMatch(/^http/);
		const [row] = await live.tdb.db.select().from(users).where(eq(users.id, pro.id));
		const accountId = row?.stripeAccountId ?? "";
		expect(accountId).toMatch(/^acct_/);
		await postWebhook(
			event("account.updated", {
				id: accountId,
				object: "account",
				charges_enabled: true,
				payouts_enabled: true,
				details_submitted: true,
			}),
		);
		const after = await call<{ connected: boolean; chargesEnabled: boolean; payoutsEnabled: boolean }>(
			live,
			"query",
			"payouts.status",
			undefined,
			cookie,
		);
		expect(after.data).toMatchObject({ connected: true, chargesEnabled: true, payoutsEnabled: true });
		const dashboard = await call<{ url: string }>(live, "mutation", "payouts.dashboard", null, cookie);
		expect(dashboard.data.url).toMatch(/^http/);
		expect(stripe.requests.some((r) => r.path === `/v1/accounts/${accountId}/login_links`)).toBe(true);
	});

	it("explains that payouts need Stripe keys on a site without them", async () => {
		const pro = await createTestUser(testMode.tdb.db, { role: "photographer" });
		const res = await call(testMode, "mutation", "payouts.onboard", {}, await loginCookie(testMode.app, pro));
		expect(res.message).toMatch(/Stripe is not set up/);
	});
});
