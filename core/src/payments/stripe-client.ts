import { Stripe } from "stripe";
import type { Env } from "../config/env.ts";

/** The SDK's types (`Stripe.Event`, `Stripe.PaymentIntent`, ...) for packages without the dependency. */
export type { Stripe } from "stripe";

/**
 * How this site takes money: `stripe` with keys; `test` (an explicit fake payment that runs
 * the same fulfilment) only outside production, so a production site without keys can never
 * hand out photos for free; `disabled` is that production case: the shop cannot sell.
 */
export type PaymentsMode = "stripe" | "test" | "disabled";

export function paymentsMode(env: Pick<Env, "STRIPE_SECRET_KEY" | "NODE_ENV">): PaymentsMode {
	if (env.STRIPE_SECRET_KEY !== undefined) return "stripe";
	return env.NODE_ENV === "production" ? "disabled" : "test";
}

/** Below the SDK's 80 s: a buyer waits on this at checkout, and two retries come on top. */
const requestTimeoutMs = 20_000;

/**
 * The one Stripe client of a process. `apiBase` (STRIPE_API_BASE) points it at another origin
 * such as stripe-mock or the fake of `@focus-racer/core/testing/stripe`; unset, api.stripe.com.
 * The API version is the SDK's own pinned one (`Stripe.API_VERSION`), which its types describe;
 * the webhook endpoint in the dashboard should use the same version so events match them too.
 */
export function createStripeClient(options: { secretKey: string; apiBase?: string | undefined }): Stripe {
	return new Stripe(options.secretKey, {
		// Every POST carries an idempotency key (ours or the SDK's), so retrying is safe.
		maxNetworkRetries: 2,
		timeout: requestTimeoutMs,
		appInfo: { name: "Focus Racer" },
		...(options.apiBase === undefined ? {} : stripeOrigin(options.apiBase)),
	});
}

function stripeOrigin(apiBase: string): { host: string; port: number; protocol: "http" | "https" } {
	let url: URL;
	try {
		url = new URL(apiBase);
	} catch {
		throw new Error(`STRIPE_API_BASE must be a URL such as http://127.0.0.1:12111 (got ${apiBase})`);
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") {
		throw new Error(`STRIPE_API_BASE must be http:// or https:// (got ${apiBase})`);
	}
	// The SDK requests absolute paths (/v1/...) on host:port, so a base path would be dropped.
	if (url.pathname !== "/" || url.search !== "") {
		throw new Error(`STRIPE_API_BASE must be an origin without a path (got ${apiBase})`);
	}
	const protocol = url.protocol === "http:" ? "http" : "https";
	return {
		// node:http wants an IPv6 literal without its URL brackets.
		host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
		port: url.port === "" ? (protocol === "http" ? 80 : 443) : Number(url.port),
		protocol,
	};
}
