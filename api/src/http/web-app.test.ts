import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLogger } from "@focus-racer/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { createPayments } from "../services/orders/payments.ts";
import { createShopEvent } from "../testing/shop-fixture.ts";
import { testOrigin } from "../testing/test-app.ts";
import { createUploadHarness, type UploadHarness } from "../testing/upload-harness.ts";

let h: UploadHarness;
let webDist: string;
beforeAll(async () => {
	h = await createUploadHarness();
	webDist = mkdtempSync(path.join(tmpdir(), "focus-racer-web-"));
	writeFileSync(
		path.join(webDist, "index.html"),
		`<!doctype html><html><head><meta\n\t\t\tdata-sm=""\n\t\t\tname="description" content="generic" /><title data-sm="">Focus Racer</title></head><body><div id="app"></div></body></html>`,
	);
});
afterAll(async () => {
	await h.close();
	rmSync(webDist, { recursive: true, force: true });
});

function app(env = h.env) {
	return createApp({
		env,
		db: h.tdb.db,
		log: createLogger(env, "web-test"),
		storage: h.storage,
		payments: createPayments(env),
		webDist,
	});
}

describe("the web app's HTML", () => {
	it("carries a public event's title, description and Open Graph image for crawlers", async () => {
		const shop = await createShopEvent(h, { photos: [[]] });
		const res = await app().request(`${testOrigin}/events/${shop.slug}?bib=12`);
		const html = await res.text();
		expect(html).toContain('<title data-sm="">Shop race — photos | Focus Racer</title>');
		expect(html).toContain(
			'<meta data-sm="" property="og:title" content="Shop race — photos | Focus Racer" />',
		);
		expect(html).toMatch(
			new RegExp(
				`<meta data-sm="" property="og:image" content="${testOrigin}/media/events/${shop.eventId}/micro/[^"]+" />`,
			),
		);
		expect(html).toContain(`<link rel="canonical" href="${testOrigin}/events/${shop.slug}" />`);
		expect(html).not.toContain('content="generic"');
		expect(html.match(/<title/g)).toHaveLength(1);
	});

	it("keeps the generic page for drafts, unknown events and other pages", async () => {
		const draft = await createShopEvent(h, { photos: [[]], visibility: "draft" });
		for (const page of [`/events/${draft.slug}`, "/events/no-such-race", "/", "/pro"]) {
			const html = await (await app().request(`${testOrigin}${page}`)).text();
			expect(html).toContain('content="generic"');
			expect(html).not.toContain("og:title");
		}
	});

	it("lets Stripe's Payment Element in only when Stripe is configured", async () => {
		const plain = (await app().request(`${testOrigin}/`)).headers.get("content-security-policy") ?? "";
		expect(plain).not.toContain("stripe.com");
		expect(plain).toContain("frame-src 'none'");
		const stripeEnv = {
			...h.env,
			STRIPE_SECRET_KEY: "sk_test_x",
			STRIPE_PUBLISHABLE_KEY: "pk_test_x",
			STRIPE_WEBHOOK_SECRET: "whsec_x",
		};
		const csp = (await app(stripeEnv).request(`${testOrigin}/`)).headers.get("content-security-policy") ?? "";
		expect(csp).toContain("script-src 'self' https://js.stripe.com");
		expect(csp).toContain("frame-src https://js.stripe.com https://hooks.stripe.com");
		expect(csp).toContain("connect-src 'self' https://api.stripe.com");
	});
});
