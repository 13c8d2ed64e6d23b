import { inflateRawSync } from "node:zlib";
import { createStripeClient } from "@focus-racer/core";
import { type FakeStripe, signStripeEventForTest } from "@focus-racer/core/testing/stripe";
import { emailOutbox, faces, orders, photoBibs, stripeEvents } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/factories.ts";
import { createShopEvent, type ShopEvent } from "../../testing/shop-fixture.ts";
import { type StripeHarnesses, startStripeHarnesses } from "../../testing/stripe-harnesses.ts";
import { testOrigin, trpcCaller } from "../../testing/test-app.ts";
import { createUploadHarness, loginCookie, type UploadHarness } from "../../testing/upload-harness.ts";

const webhookSecret = "whsec_test_focus_racer";

let stripe: FakeStripe;
/** Stripe keys set: real PaymentIntents against the fake Stripe server. */
let live: UploadHarness;
/** No Stripe keys, not production: the explicit test payment. */
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

type Checkout = {
	orderId: string;
	downloadToken: string;
	totalCents: number;
	mode: string;
	clientSecret: string | null;
};
type Downloads = {
	order: { status: string; totalCents: number; isTestPayment: boolean };
	files: Array<{ photoId: string; filename: string; downloadUrl: string }>;
	crops: Array<{ photoId: string; filename: string; downloadUrl: string }>;
	zipUrl: string | null;
};

/** A connected seller's account, created at the fake Stripe so destination charges are accepted. */
async function connectedAccount(): Promise<string> {
	const client = createStripeClient({ secretKey: stripe.secretKey, apiBase: stripe.apiBase });
	const account = await client.accounts.create({
		type: "express",
		country: "FR",
		email: "seller@test.example",
	});
	return account.id;
}

async function postWebhook(h: UploadHarness, event: unknown, secret = webhookSecret) {
	const payload = JSON.stringify(event);
	return h.app.request(`${testOrigin}/api/stripe/webhook`, {
		method: "POST",
		headers: {
			"content-type": "application/json",
			"stripe-signature": signStripeEventForTest(payload, secret),
		},
		body: payload,
	});
}

/** Entry names and contents of a ZIP, from its central directory (archiver streams with data descriptors). */
function unzip(buffer: Buffer): Map<string, Buffer> {
	const entries = new Map<string, Buffer>();
	let end = buffer.length - 22;
	while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
	const count = buffer.readUInt16LE(end + 10);
	let at = buffer.readUInt32LE(end + 16);
	for (let i = 0; i < count; i++) {
		const method = buffer.readUInt16LE(at + 10);
		const compressedSize = buffer.readUInt32LE(at + 20);
		const nameLength = buffer.readUInt16LE(at + 28);
		const extra = buffer.readUInt16LE(at + 30);
		const comment = buffer.readUInt16LE(at + 32);
		const local = buffer.readUInt32LE(at + 42);
		const name = buffer.subarray(at + 46, at + 46 + nameLength).toString("utf8");
		const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
		const data = buffer.subarray(dataAt, dataAt + compressedSize);
		entries.set(name, method === 0 ? data : inflateRawSync(data));
		at += 46 + nameLength + extra + comment;
	}
	return entries;
}

describe("cart pricing on the server", () => {
	it("prices with the service fee for a connected seller and none for a platform charge", async () => {
		const connected = await createShopEvent(testMode, {
			photos: [["7"], ["7"]],
			ownerStripeAccount: "acct_x",
		});
		const plain = await createShopEvent(testMode, { photos: [["7"], ["7"]] });
		const a = await call<{ subtotalCents: number; serviceFeeCents: number; totalCents: number }>(
			testMode,
			"query",
			"cart.price",
			{ eventId: connected.eventId, photoIds: connected.photos.map((p) => p.id) },
		);
		expect(a.data).toMatchObject({ subtotalCents: 1000, serviceFeeCents: 100, totalCents: 1100 });
		const b = await call<{ serviceFeeCents: number; totalCents: number }>(testMode, "query", "cart.price", {
			eventId: plain.eventId,
			photoIds: plain.photos.map((p) => p.id),
		});
		expect(b.data).toMatchObject({ serviceFeeCents: 0, totalCents: 1000 });
	});

	it("drops photos that are not for sale and says which", async () => {
		const shop = await createShopEvent(testMode, { photos: [[], []] });
		const other = await createShopEvent(testMode, { photos: [[]] });
		await testMode.tdb.db.execute(
			`update photos set status = 'processing' where id = '${shop.photos[1]?.id}'`,
		);
		const res = await call<{ photoIds: string[]; unavailablePhotoIds: string[] }>(
			testMode,
			"query",
			"cart.price",
			{
				eventId: shop.eventId,
				photoIds: [shop.photos[0]?.id, shop.photos[1]?.id, other.photos[0]?.id],
			},
		);
		expect(res.data.photoIds).toEqual([shop.photos[0]?.id]);
		expect(res.data.unavailablePhotoIds.sort()).toEqual([shop.photos[1]?.id, other.photos[0]?.id].sort());
	});
});

describe("test-mode checkout (no Stripe keys)", () => {
	let shop: ShopEvent;
	let bought: Checkout;

	beforeAll(async () => {
		shop = await createShopEvent(testMode, {
			photos: [["12"], ["12"], ["30"], []],
			ownerStripeAccount: "acct_demo",
		});
	});

	it("says it is in test mode and creates a pending order with no files yet", async () => {
		const config = await call<{ mode: string; publishableKey: string | null }>(
			testMode,
			"query",
			"orders.paymentConfig",
			undefined,
		);
		expect(config.data).toEqual({ mode: "test", publishableKey: null });
		const res = await call<Checkout>(testMode, "mutation", "orders.checkout", {
			eventId: shop.eventId,
			photoIds: [shop.photos[0]?.id, shop.photos[2]?.id],
			email: "Guest@Example.com",
			name: "Guest Runner",
		});
		expect(res.status).toBe(200);
		bought = res.data;
		expect(bought).toMatchObject({ totalCents: 1100, mode: "test", clientSecret: null });
		const page = await call<Downloads>(testMode, "query", "orders.byToken", { token: bought.downloadToken });
		expect(page.data.order.status).toBe("pending");
		// A guest cannot download an unpaid photo: no link, no ZIP.
		expect(page.data.files).toEqual([]);
		expect(page.data.zipUrl).toBeNull();
		const zip = await testMode.app.request(`${testOrigin}/api/downloads/${bought.downloadToken}/zip`);
		expect(zip.status).toBe(404);
	});

	it("pays through the same fulfilment, then serves each HD original, its portraits and the ZIP", async () => {
		// A smart crop of the face on the first photo: part of the purchase (PRODUCT §3).
		const crop = Buffer.from("RIFF-fake-webp-crop");
		const cropKeyOf = `events/${shop.eventId}/crops/${shop.photos[0]?.id}-0-abcdef0123.webp`;
		await testMode.storage.put(cropKeyOf, crop, { contentType: "image/webp" });
		await testMode.tdb.db.insert(faces).values({
			photoId: shop.photos[0]?.id ?? "",
			eventId: shop.eventId,
			bboxX: 0.1,
			bboxY: 0.1,
			bboxWidth: 0.2,
			bboxHeight: 0.2,
			confidence: 0.99,
			cropKey: cropKeyOf,
		});
		const paid = await call<{ status: string }>(testMode, "mutation", "orders.payTest", {
			downloadToken: bought.downloadToken,
		});
		expect(paid.data).toEqual({ status: "paid" });
		const page = await call<Downloads>(testMode, "query", "orders.byToken", { token: bought.downloadToken });
		expect(page.data.order).toMatchObject({ status: "paid", isTestPayment: true });
		expect(page.data.files.map((f) => f.photoId).sort()).toEqual(
			[shop.photos[0]?.id, shop.photos[2]?.id].sort(),
		);
		const first = page.data.files[0];
		const original = shop.photos.find((p) => p.id === first?.photoId)?.original;
		const file = await testMode.app.request(new URL(first?.downloadUrl ?? "", testOrigin).toString());
		expect(file.status).toBe(200);
		expect(Buffer.from(await file.arrayBuffer()).equals(original ?? Buffer.alloc(0))).toBe(true);

		expect(page.data.crops.map((c) => c.filename)).toEqual(["IMG_1000-portrait-1.webp"]);
		const cropRes = await testMode.app.request(
			new URL(page.data.crops[0]?.downloadUrl ?? "", testOrigin).toString(),
		);
		expect(Buffer.from(await cropRes.arrayBuffer()).equals(crop)).toBe(true);

		const zipRes = await testMode.app.request(`${testOrigin}${page.data.zipUrl}`);
		expect(zipRes.status).toBe(200);
		expect(zipRes.headers.get("content-type")).toBe("application/zip");
		const entries = unzip(Buffer.from(await zipRes.arrayBuffer()));
		expect([...entries.keys()].sort()).toEqual([
			"IMG_1000.jpg",
			"IMG_1002.jpg",
			"portraits/IMG_1000-portrait-1.webp",
		]);
		expect(entries.get("portraits/IMG_1000-portrait-1.webp")?.equals(crop)).toBe(true);
		expect(entries.get("IMG_1000.jpg")?.equals(shop.photos[0]?.original ?? Buffer.alloc(0))).toBe(true);
		expect(entries.get("IMG_1002.jpg")?.equals(shop.photos[2]?.original ?? Buffer.alloc(0))).toBe(true);
	});

	it("sends the download mail once, to the outbox without SMTP, even when paid twice", async () => {
		await call(testMode, "mutation", "orders.payTest", { downloadToken: bought.downloadToken });
		const mails = await testMode.tdb.db
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.reference, bought.orderId));
		expect(mails).toHaveLength(1);
		expect(mails[0]?.to).toBe("guest@example.com");
		expect(mails[0]?.text).toMatch(/\/downloads\/[a-z2-7]{20,}/);
		expect(mails[0]?.text).toContain("Paiement de test");
	});

	it("refuses a tampered or expired file link", async () => {
		const page = await call<Downloads>(testMode, "query", "orders.byToken", { token: bought.downloadToken });
		const url = new URL(page.data.files[0]?.downloadUrl ?? "", testOrigin);
		const tampered = new URL(url);
		tampered.searchParams.set("sig", `${url.searchParams.get("sig")?.slice(0, -2)}xx`);
		expect((await testMode.app.request(tampered.toString())).status).toBe(403);
		const longer = new URL(url);
		longer.searchParams.set("exp", String(Number(url.searchParams.get("exp")) + 3600));
		expect((await testMode.app.request(longer.toString())).status).toBe(403);
		const otherFile = new URL(url);
		otherFile.pathname = otherFile.pathname.replace(/[0-9a-f-]{36}\.jpg$/, `${shop.photos[3]?.id}.jpg`);
		expect((await testMode.app.request(otherFile.toString())).status).toBe(403);
		const expired = await testMode.storage.signedUrl(shop.photos[0]?.originalKey ?? "", {
			expiresInSeconds: 1,
		});
		await new Promise((r) => setTimeout(r, 2100));
		expect((await testMode.app.request(new URL(expired, testOrigin).toString())).status).toBe(403);
		// An unknown receipt link opens nothing.
		expect((await call(testMode, "query", "orders.byToken", { token: "a".repeat(32) })).code).toBe(
			"NOT_FOUND",
		);
	});

	it("resolves 'all my photos' at payment, including photos sorted after the checkout", async () => {
		const res = await call<Checkout>(testMode, "mutation", "orders.checkout", {
			eventId: shop.eventId,
			photoIds: [],
			allPhotosBibs: ["12"],
			email: "runner12@example.com",
		});
		expect(res.data.totalCents).toBe(2600);
		// The pro links one more photo to bib 12 before the runner pays.
		await testMode.tdb.db.insert(photoBibs).values({
			photoId: shop.photos[3]?.id ?? "",
			eventId: shop.eventId,
			bib: "12",
			confidence: 100,
			source: "manual",
		});
		await call(testMode, "mutation", "orders.payTest", { downloadToken: res.data.downloadToken });
		const page = await call<Downloads>(testMode, "query", "orders.byToken", {
			token: res.data.downloadToken,
		});
		expect(page.data.files.map((f) => f.photoId).sort()).toEqual(
			[shop.photos[0]?.id, shop.photos[1]?.id, shop.photos[3]?.id].sort(),
		);
	});

	it("lists an account's orders and lets only its owner download them again", async () => {
		const runner = await createTestUser(testMode.tdb.db);
		const cookie = await loginCookie(testMode.app, runner);
		const res = await call<Checkout>(
			testMode,
			"mutation",
			"orders.checkout",
			{ eventId: shop.eventId, photoIds: [shop.photos[1]?.id] },
			cookie,
		);
		await call(testMode, "mutation", "orders.payTest", { downloadToken: res.data.downloadToken });
		const mine = await call<Array<{ id: string; status: string; photoCount: number }>>(
			testMode,
			"query",
			"orders.listMine",
			undefined,
			cookie,
		);
		expect(mine.data).toEqual([
			expect.objectContaining({ id: res.data.orderId, status: "paid", photoCount: 1 }),
		]);
		const again = await call<Downloads>(
			testMode,
			"query",
			"orders.downloadsOf",
			{ orderId: res.data.orderId },
			cookie,
		);
		expect(again.data.files).toHaveLength(1);
		const stranger = await loginCookie(testMode.app, await createTestUser(testMode.tdb.db));
		const stolen = await call(
			testMode,
			"query",
			"orders.downloadsOf",
			{ orderId: res.data.orderId },
			stranger,
		);
		expect(stolen.code).toBe("NOT_FOUND");
		expect((await call(testMode, "query", "orders.listMine", undefined)).code).toBe("UNAUTHORIZED");
	});

	it("does not sell the photos of a draft event, nor check out an empty cart", async () => {
		const draft = await createShopEvent(testMode, { photos: [[]], visibility: "draft" });
		const res = await call(testMode, "mutation", "orders.checkout", {
			eventId: draft.eventId,
			photoIds: [draft.photos[0]?.id],
			email: "a@example.com",
		});
		expect(res.code).toBe("NOT_FOUND");
		const empty = await call(testMode, "mutation", "orders.checkout", {
			eventId: shop.eventId,
			photoIds: [],
			email: "a@example.com",
		});
		expect(empty.code).toBe("BAD_REQUEST");
		const noEmail = await call(testMode, "mutation", "orders.checkout", {
			eventId: shop.eventId,
			photoIds: [shop.photos[0]?.id],
		});
		expect(noEmail.message).toMatch(/email/);
	});
});

describe("Stripe checkout and webhook", () => {
	let shop: ShopEvent;

	beforeAll(async () => {
		shop = await createShopEvent(live, {
			photos: [["5"], ["5"], ["6"]],
			ownerStripeAccount: await connectedAccount(),
		});
	});

	async function checkoutOne(photoIndexes: number[]): Promise<Checkout> {
		const res = await call<Checkout>(live, "mutation", "orders.checkout", {
			eventId: shop.eventId,
			photoIds: photoIndexes.map((i) => shop.photos[i]?.id),
			email: "buyer@example.com",
		});
		expect(res.status).toBe(200);
		return res.data;
	}

	function intentOf(orderId: string) {
		const intent = [...stripe.paymentIntents.values()].find(
			(pi) => (pi.metadata as Record<string, string>).order_id === orderId,
		);
		if (!intent) throw new Error(`no PaymentIntent for ${orderId}`);
		return intent;
	}

	it("creates a destination charge for the server's amount with the 1 € application fee", async () => {
		const bought = await checkoutOne([0, 1]);
		expect(bought.mode).toBe("stripe");
		expect(bought.clientSecret).toMatch(/_secret_/);
		const request = stripe.requests.find((r) => r.method === "POST" && r.path === "/v1/payment_intents");
		expect(request?.body).toMatchObject({
			amount: "1100",
			currency: "eur",
			application_fee_amount: "100",
			transfer_data: { destination: (await ordersRow(bought.orderId)).destinationAccountId },
			metadata: { order_id: bought.orderId, event_id: shop.eventId },
			automatic_payment_methods: { enabled: "true" },
			receipt_email: "buyer@example.com",
		});
		expect(request?.headers["idempotency-key"]).toBe(`order-${bought.orderId}-pi`);
		const test = await call(live, "mutation", "orders.payTest", { downloadToken: bought.downloadToken });
		expect(test.code).toBe("FORBIDDEN");
	});

	it("pays the order on a signed payment_intent.succeeded, once, with the fees", async () => {
		const bought = await checkoutOne([2]);
		const event = stripe.succeedPaymentIntent(String(intentOf(bought.orderId).id));
		expect((await postWebhook(live, event)).status).toBe(200);
		expect((await postWebhook(live, event)).status).toBe(200);
		const order = await ordersRow(bought.orderId);
		expect(order).toMatchObject({
			status: "paid",
			isTestPayment: false,
			totalCents: 600,
			serviceFeeCents: 100,
			stripeFeeCents: 34,
			photographerPayoutCents: 500,
		});
		expect(order.stripeChargeId).toMatch(/^ch_/);
		expect(order.stripeTransferId).toMatch(/^tr_/);
		const mails = await live.tdb.db
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.reference, bought.orderId));
		expect(mails).toHaveLength(1);
		const recorded = await live.tdb.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
		expect(recorded).toHaveLength(1);
	});

	it("refuses a webhook with a bad signature and changes nothing", async () => {
		const bought = await checkoutOne([0]);
		const event = stripe.succeedPaymentIntent(String(intentOf(bought.orderId).id));
		expect((await postWebhook(live, event, "whsec_someone_else")).status).toBe(400);
		const unsigned = await live.app.request(`${testOrigin}/api/stripe/webhook`, {
			method: "POST",
			body: JSON.stringify(event),
		});
		expect(unsigned.status).toBe(400);
		expect((await ordersRow(bought.orderId)).status).toBe("pending");
	});

	it("handles events out of order: a late failure never un-pays, a success after a failure pays", async () => {
		const first = await checkoutOne([1]);
		const intent = intentOf(first.orderId);
		const failed = {
			id: `evt_failed_${first.orderId}`,
			object: "event",
			type: "payment_intent.payment_failed",
			created: Math.floor(Date.now() / 1000),
			data: { object: { ...intent, status: "requires_payment_method" } },
		};
		expect((await postWebhook(live, failed)).status).toBe(200);
		expect((await ordersRow(first.orderId)).status).toBe("failed");
		const succeeded = stripe.succeedPaymentIntent(String(intent.id));
		await postWebhook(live, succeeded);
		expect((await ordersRow(first.orderId)).status).toBe("paid");
		await postWebhook(live, { ...failed, id: `evt_late_${first.orderId}` });
		expect((await ordersRow(first.orderId)).status).toBe("paid");
	});

	it("does not fulfil a payment whose amount differs from the order", async () => {
		const bought = await checkoutOne([0]);
		const event = stripe.succeedPaymentIntent(String(intentOf(bought.orderId).id));
		const forged = structuredClone(event) as unknown as {
			data: { object: { amount: number; amount_received: number } };
		};
		forged.data.object.amount = 50;
		forged.data.object.amount_received = 50;
		expect((await postWebhook(live, forged)).status).toBe(200);
		expect((await ordersRow(bought.orderId)).status).toBe("pending");
	});
});

describe("the seller's payouts page", () => {
	it("sums paid orders per event and month, test payments apart", async () => {
		const shop = await createShopEvent(testMode, {
			photos: [["1"], ["2"]],
			ownerStripeAccount: "acct_seller",
		});
		for (const photo of shop.photos) {
			const res = await call<Checkout>(testMode, "mutation", "orders.checkout", {
				eventId: shop.eventId,
				photoIds: [photo.id],
				email: "a@example.com",
			});
			await call(testMode, "mutation", "orders.payTest", { downloadToken: res.data.downloadToken });
		}
		const seller = await loginCookie(testMode.app, shop.owner);
		const summary = await call<{
			rows: Array<{
				eventId: string;
				isTestPayment: boolean;
				orders: number;
				salesCents: number;
				payoutCents: number;
			}>;
			totals: { orders: number; salesCents: number };
		}>(testMode, "query", "payouts.summary", undefined, seller);
		expect(summary.data.rows).toEqual([
			expect.objectContaining({
				eventId: shop.eventId,
				isTestPayment: true,
				orders: 2,
				salesCents: 1200,
				payoutCents: 1000,
			}),
		]);
		// No money moved: the totals of real sales stay at zero.
		expect(summary.data.totals).toMatchObject({ orders: 0, salesCents: 0 });
		const stranger = await loginCookie(
			testMode.app,
			await createTestUser(testMode.tdb.db, { role: "photographer" }),
		);
		expect(
			(await call<{ rows: unknown[] }>(testMode, "query", "payouts.summary", undefined, stranger)).data.rows,
		).toEqual([]);
	});
});

describe("production without Stripe keys", () => {
	it("sells nothing rather than giving photos away", async () => {
		const prod = await createUploadHarness({ NODE_ENV: "production" });
		try {
			const shop = await createShopEvent(prod, { photos: [[]] });
			const config = await call<{ mode: string }>(prod, "query", "orders.paymentConfig", undefined);
			expect(config.data.mode).toBe("disabled");
			const res = await call(prod, "mutation", "orders.checkout", {
				eventId: shop.eventId,
				photoIds: [shop.photos[0]?.id],
				email: "a@example.com",
			});
			expect(res.code).toBe("BAD_REQUEST");
			expect(res.message).toMatch(/not set up/);
		} finally {
			await prod.close();
		}
	});
});

async function ordersRow(orderId: string) {
	const [row] = await live.tdb.db.select().from(orders).where(eq(orders.id, orderId));
	if (!row) throw new Error(`no order ${orderId}`);
	return row;
}
