import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Stripe } from "stripe";
import {
	createAccount,
	createAccountLink,
	createCheckoutSession,
	createLoginLink,
	createPaymentIntent,
	expand,
	FakeStripeApiError,
	type FakeStripeError,
	type FakeStripeEvent,
	type FakeStripeObject,
	type FakeStripeStore,
	invalidRequest,
	retrievable,
	retrieve,
	succeedPaymentIntent,
} from "./fake-stripe-resources.ts";
import { parseStripeForm, StripeFormError, type StripeFormParams } from "./stripe-form.ts";

export type { FakeStripeError, FakeStripeEvent, FakeStripeObject } from "./fake-stripe-resources.ts";

/**
 * TEST KIT: a fake Stripe API on 127.0.0.1 that speaks the v1 wire format, so the real `stripe`
 * SDK (its encoding, headers, retries and error classes) runs in tests. Point a client at it
 * with `createStripeClient({ secretKey: fake.secretKey, apiBase: fake.apiBase })`.
 *
 * Wire format, as stripe-node writes and reads it:
 * - request: `Authorization: Bearer sk_…`, `Stripe-Version`, and for POST a
 *   `application/x-www-form-urlencoded` body with bracket nesting (stripe-form.ts); GET
 *   parameters (`expand[0]=…`) go in the query string. The SDK puts an `Idempotency-Key` on
 *   every POST (its own `stripe-node-retry-…` unless the caller gives one).
 * - answer: a JSON object (`id`, `object`, `created`, `livemode: false`, ...) with a
 *   `request-id` header; an error is `{ error: { type, message, code?, param? } }`, and the
 *   SDK picks the error class from the status: 400/404 StripeInvalidRequestError (or
 *   StripeIdempotencyError for `type: "idempotency_error"`), 401 StripeAuthenticationError,
 *   402 StripeCardError, 403 StripePermissionError, 429 StripeRateLimitError, else
 *   StripeAPIError. The SDK retries 409 and 5xx answers, with the same idempotency key.
 *
 * Objects live in memory. Signatures of outgoing webhooks are the caller's (see
 * `signStripeEventForTest`): the fake returns events, it does not post them.
 */

export interface FakeStripeRequest {
	method: string;
	/** Without the query string. */
	path: string;
	/** The parameters, parsed: a POST's form body, a GET's query string. */
	body: StripeFormParams;
	headers: IncomingHttpHeaders;
}

export interface FakeStripeOptions {
	/** Stripe's fee on a charge. Default 25 cents + 1.5 %, rounded (European cards). */
	stripeFee?: (amountCents: number) => number;
}

export interface FakeStripe {
	/** `http://127.0.0.1:<port>`, for STRIPE_API_BASE. */
	apiBase: string;
	/** A key the fake accepts; any `sk_…` or `rk_…` does. */
	secretKey: string;
	/** Every request received, in order, failed ones included. */
	readonly requests: FakeStripeRequest[];
	readonly paymentIntents: Map<string, FakeStripeObject>;
	/** Every other object by id: charges, balance transactions, transfers, accounts, sessions. */
	readonly objects: Map<string, FakeStripeObject>;
	/**
	 * The buyer paid: the intent succeeds with a charge, its balance transaction (the fee) and,
	 * on a destination charge, a transfer. Returns the `payment_intent.succeeded` event.
	 */
	succeedPaymentIntent(id: string): FakeStripeEvent;
	/**
	 * The next request answers `status` with `error`; queued, so several requests fail in turn.
	 * The SDK retries 409 and 5xx itself: queue one per attempt (3 with createStripeClient) for
	 * such an error to reach the caller.
	 */
	failNext(status: number, error: FakeStripeError): void;
	close(): Promise<void>;
}

export function defaultStripeFee(amountCents: number): number {
	return Math.round(25 + amountCents * 0.015);
}

interface SavedAnswer {
	/** What the key was first used for: Stripe refuses the key for anything else. */
	fingerprint: string;
	status: number;
	body: string;
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString("utf8");
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function checkApiKey(authorization: string | undefined): void {
	if (authorization === undefined || !authorization.startsWith("Bearer ")) {
		throw new FakeStripeApiError(401, {
			type: "invalid_request_error",
			message:
				"You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
		});
	}
	const key = authorization.slice("Bearer ".length);
	if (!/^(sk|rk)_\w+$/.test(key)) {
		throw new FakeStripeApiError(401, {
			type: "invalid_request_error",
			message: `Invalid API Key provided: ${key.slice(0, 8)}****`,
		});
	}
}

type Handler = (match: RegExpExecArray, params: StripeFormParams, headers: IncomingHttpHeaders) => object;

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
	const requests: FakeStripeRequest[] = [];
	const failures: { status: number; error: FakeStripeError }[] = [];
	const saved = new Map<string, SavedAnswer>();
	const store: FakeStripeStore = {
		apiBase: "",
		paymentIntents: new Map(),
		objects: new Map(),
		stripeFee: options.stripeFee ?? defaultStripeFee,
	};

	const collections = Object.keys(retrievable).join("|");
	const routes: { method: string; path: RegExp; handle: Handler }[] = [
		{
			method: "POST",
			path: /^\/v1\/payment_intents$/,
			handle: (_, params, headers) =>
				expand(
					store,
					createPaymentIntent(store, params, header(headers, "stripe-account") !== undefined),
					params,
				),
		},
		{
			method: "GET",
			path: new RegExp(`^/v1/(${collections})/([^/]+)$`),
			handle: ([, collection = "", id = ""], params) =>
				expand(store, retrieve(store, collection, decodeURIComponent(id)), params),
		},
		{
			method: "POST",
			path: /^\/v1\/checkout\/sessions$/,
			handle: (_, params) => expand(store, createCheckoutSession(store, params), params),
		},
		{
			method: "POST",
			path: /^\/v1\/accounts$/,
			handle: (_, params) => expand(store, createAccount(store, params), params),
		},
		{
			method: "POST",
			path: /^\/v1\/account_links$/,
			handle: (_, params) => createAccountLink(store, params),
		},
		{
			method: "POST",
			path: /^\/v1\/accounts\/([^/]+)\/login_links$/,
			handle: ([, id = ""]) => createLoginLink(store, decodeURIComponent(id)),
		},
	];

	function send(
		response: ServerResponse,
		status: number,
		body: string,
		request: IncomingMessage,
		extra: Record<string, string> = {},
	): void {
		const idempotencyKey = header(request.headers, "idempotency-key");
		response.writeHead(status, {
			"content-type": "application/json",
			"request-id": `req_${randomUUID().replaceAll("-", "").slice(0, 14)}`,
			"stripe-version": header(request.headers, "stripe-version") ?? Stripe.API_VERSION,
			...(idempotencyKey === undefined ? {} : { "idempotency-key": idempotencyKey }),
			...extra,
		});
		response.end(body);
	}

	function answer(method: string, path: string, params: StripeFormParams, headers: IncomingHttpHeaders) {
		for (const route of routes) {
			const match = route.method === method ? route.path.exec(path) : null;
			if (match) return route.handle(match, params, headers);
		}
		throw new FakeStripeApiError(404, {
			type: "invalid_request_error",
			message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
		});
	}

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const method = request.method ?? "GET";
		const url = request.url ?? "/";
		const queryAt = url.indexOf("?");
		const path = queryAt === -1 ? url : url.slice(0, queryAt);
		const text = await readBody(request);
		let params: StripeFormParams = {};
		let formError: StripeFormError | null = null;
		try {
			params = { ...parseStripeForm(queryAt === -1 ? "" : url.slice(queryAt + 1)), ...parseStripeForm(text) };
		} catch (error) {
			if (!(error instanceof StripeFormError)) throw error;
			formError = error;
		}
		requests.push({ method, path, body: params, headers: request.headers });

		try {
			checkApiKey(header(request.headers, "authorization"));
			const failure = failures.shift();
			if (failure) throw new FakeStripeApiError(failure.status, failure.error);
			if (formError) throw invalidRequest(formError.message);
			const contentType = header(request.headers, "content-type") ?? "";
			if (text !== "" && !contentType.startsWith("application/x-www-form-urlencoded")) {
				throw invalidRequest("API v1 takes an application/x-www-form-urlencoded body");
			}
			// Stripe keys POSTs only; a GET is safe to repeat anyway.
			const key = method === "POST" ? header(request.headers, "idempotency-key") : undefined;
			const fingerprint = `${method} ${path} ${text}`;
			const previous = key === undefined ? undefined : saved.get(key);
			if (previous) {
				if (previous.fingerprint !== fingerprint) {
					throw new FakeStripeApiError(400, {
						type: "idempotency_error",
						message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
					});
				}
				send(response, previous.status, previous.body, request, { "idempotent-replayed": "true" });
				return;
			}
			const body = JSON.stringify(answer(method, path, params, request.headers));
			// Only a request that ran is saved: Stripe does not keep validation errors.
			if (key !== undefined) saved.set(key, { fingerprint, status: 200, body });
			send(response, 200, body, request);
		} catch (error) {
			if (!(error instanceof FakeStripeApiError)) throw error;
			send(response, error.status, JSON.stringify({ error: error.error }), request);
		}
	}

	const server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			response.writeHead(500, { "content-type": "application/json" });
			response.end(JSON.stringify({ error: { type: "api_error", message: String(error) } }));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	store.apiBase = `http://127.0.0.1:${port}`;

	return {
		apiBase: store.apiBase,
		secretKey: "sk_test_fake_stripe",
		requests,
		paymentIntents: store.paymentIntents,
		objects: store.objects,
		succeedPaymentIntent: (id) => succeedPaymentIntent(store, id),
		failNext(status, error) {
			failures.push({ status, error });
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				// The SDK keeps connections alive: without this, close() waits for them to time out.
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
