import { randomInt } from "node:crypto";
import { Stripe } from "stripe";
import type { StripeFormParams, StripeFormValue } from "./stripe-form.ts";

/**
 * TEST KIT: the objects of the fake Stripe (fake-stripe-server.ts) and what each endpoint does
 * with its parameters. Shapes follow Stripe's API reference for the SDK's pinned version,
 * trimmed to the fields this platform reads plus each object's identity fields.
 */

/** A Stripe object as the fake stores and answers it. */
export type FakeStripeObject = { id: string; object: string } & Record<string, unknown>;

/** The `error` of a Stripe error answer. */
export interface FakeStripeError {
	/** e.g. "card_error", "invalid_request_error", "api_error", "idempotency_error". */
	type: string;
	message?: string;
	code?: string;
	decline_code?: string;
	param?: string;
}

/** A snapshot event, as Stripe posts it to a webhook endpoint. */
export interface FakeStripeEvent {
	id: string;
	object: "event";
	api_version: string;
	created: number;
	data: { object: FakeStripeObject };
	livemode: false;
	pending_webhooks: number;
	request: { id: null; idempotency_key: null };
	type: string;
}

/** Thrown by a handler; becomes Stripe's error answer. */
export class FakeStripeApiError extends Error {
	readonly status: number;
	readonly error: FakeStripeError;
	constructor(status: number, error: FakeStripeError) {
		super(error.message ?? error.type);
		this.status = status;
		this.error = error;
	}
}

export function invalidRequest(message: string, extra: Omit<FakeStripeError, "type" | "message"> = {}) {
	return new FakeStripeApiError(400, { type: "invalid_request_error", message, ...extra });
}

export function noSuch(noun: string, id: string, param = "id"): FakeStripeApiError {
	return new FakeStripeApiError(404, {
		type: "invalid_request_error",
		code: "resource_missing",
		param,
		message: `No such ${noun}: '${id}'`,
	});
}

const idAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomText(length: number): string {
	let text = "";
	for (let i = 0; i < length; i++) text += idAlphabet[randomInt(idAlphabet.length)];
	return text;
}

/** `pi_3Px…`: Stripe's ids are a type prefix and 24 letters and digits. */
export function fakeId(prefix: string): string {
	return `${prefix}_${randomText(24)}`;
}

export function now(): number {
	return Math.floor(Date.now() / 1000);
}

// ---- parameters: every leaf arrives as a string; Stripe converts (and refuses) per parameter.

function optionalString(params: StripeFormParams, key: string): string | null {
	const value = params[key];
	if (value === undefined) return null;
	if (typeof value !== "string") throw invalidRequest(`Invalid string: ${key}`, { param: key });
	return value;
}

function requiredString(params: StripeFormParams, key: string): string {
	const value = optionalString(params, key);
	if (value === null || value === "") {
		throw invalidRequest(`Missing required param: ${key}.`, { code: "parameter_missing", param: key });
	}
	return value;
}

function optionalInteger(params: StripeFormParams, key: string): number | null {
	const value = optionalString(params, key);
	if (value === null) return null;
	if (!/^-?\d+$/.test(value)) {
		throw invalidRequest(`Invalid integer: ${value}`, { code: "parameter_invalid_integer", param: key });
	}
	return Number(value);
}

function requiredInteger(params: StripeFormParams, key: string): number {
	const value = optionalInteger(params, key);
	if (value === null) {
		throw invalidRequest(`Missing required param: ${key}.`, { code: "parameter_missing", param: key });
	}
	return value;
}

function optionalObject(params: StripeFormParams, key: string): StripeFormParams | null {
	const value = params[key];
	if (value === undefined) return null;
	if (typeof value !== "object" || Array.isArray(value)) {
		throw invalidRequest(`Invalid object: ${key}`, { param: key });
	}
	return value;
}

function metadata(params: StripeFormParams): Record<string, string> {
	const value = optionalObject(params, "metadata") ?? {};
	const result: Record<string, string> = {};
	for (const [key, entry] of Object.entries(value)) {
		if (typeof entry !== "string") throw invalidRequest(`Invalid metadata[${key}]`, { param: "metadata" });
		result[key] = entry;
	}
	return result;
}

function booleanParam(value: StripeFormValue | undefined, key: string): boolean | null {
	if (value === undefined) return null;
	if (value === "true") return true;
	if (value === "false") return false;
	throw invalidRequest(`Invalid boolean: ${String(value)}`, { param: key });
}

/** Stripe refuses a parameter it does not know; so does the fake, to catch a typo in a mapping. */
function refuseUnknown(params: StripeFormParams, known: readonly string[]): void {
	for (const key of Object.keys(params)) {
		if (!known.includes(key)) {
			throw invalidRequest(`Received unknown parameter: ${key}`, { code: "parameter_unknown", param: key });
		}
	}
}

// ---- the store the handlers work on.

export interface FakeStripeStore {
	apiBase: string;
	paymentIntents: Map<string, FakeStripeObject>;
	/** Every other object, by id. */
	objects: Map<string, FakeStripeObject>;
	stripeFee: (amountCents: number) => number;
}

function lookup(store: FakeStripeStore, id: string): FakeStripeObject | undefined {
	return store.paymentIntents.get(id) ?? store.objects.get(id);
}

/** Replaces ids along each `expand[]` path with (copies of) their objects, as Stripe does. */
export function expand(store: FakeStripeStore, object: FakeStripeObject, params: StripeFormParams) {
	const paths = params.expand ?? [];
	if (!Array.isArray(paths) || paths.some((path) => typeof path !== "string")) {
		throw invalidRequest("Invalid array: expand", { param: "expand" });
	}
	const copy = structuredClone(object);
	for (const path of paths as string[]) {
		let target: Record<string, unknown> = copy;
		for (const field of path.split(".")) {
			if (!Object.hasOwn(target, field)) throw invalidRequest(`This property cannot be expanded (${path}).`);
			let value = target[field];
			if (typeof value === "string") {
				const found = lookup(store, value);
				if (!found) throw invalidRequest(`This property cannot be expanded (${path}).`);
				value = structuredClone(found);
				target[field] = value;
			}
			// Expanding through a null (no charge yet) answers the null, as Stripe does.
			if (value === null || typeof value !== "object") break;
			target = value as Record<string, unknown>;
		}
	}
	return copy;
}

function requireAccount(store: FakeStripeStore, id: string, param: string): void {
	if (store.objects.get(id)?.object !== "account") throw noSuch("account", id, param);
}

// ---- endpoints.

const knownPaymentIntentParams = [
	"amount",
	"currency",
	"application_fee_amount",
	"automatic_payment_methods",
	"capture_method",
	"customer",
	"description",
	"expand",
	"metadata",
	"on_behalf_of",
	"payment_method_types",
	"receipt_email",
	"statement_descriptor_suffix",
	"transfer_data",
	"transfer_group",
] as const;

/** `directCharge`: the request had a Stripe-Account header, so it charges on a connected account. */
export function createPaymentIntent(store: FakeStripeStore, params: StripeFormParams, directCharge: boolean) {
	refuseUnknown(params, knownPaymentIntentParams);
	const amount = requiredInteger(params, "amount");
	const currency = requiredString(params, "currency").toLowerCase();
	if (amount < 50) {
		throw invalidRequest("Amount must be at least €0.50 eur", { code: "amount_too_small", param: "amount" });
	}
	const transferData = optionalObject(params, "transfer_data");
	const destination = transferData ? requiredString(transferData, "destination") : null;
	if (destination !== null) requireAccount(store, destination, "transfer_data[destination]");
	const fee = optionalInteger(params, "application_fee_amount");
	if (fee !== null && destination === null && !directCharge) {
		throw invalidRequest(
			"Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).",
			{ param: "application_fee_amount" },
		);
	}
	if (fee !== null && (fee < 0 || fee > amount)) {
		throw invalidRequest("application_fee_amount must be between 0 and the amount", {
			param: "application_fee_amount",
		});
	}
	const automatic = optionalObject(params, "automatic_payment_methods");
	const automaticEnabled = automatic
		? booleanParam(automatic.enabled, "automatic_payment_methods[enabled]")
		: null;
	const id = fakeId("pi");
	const intent: FakeStripeObject = {
		id,
		object: "payment_intent",
		amount,
		amount_capturable: 0,
		amount_received: 0,
		application: null,
		application_fee_amount: fee,
		automatic_payment_methods: automaticEnabled === null ? null : { enabled: automaticEnabled },
		canceled_at: null,
		cancellation_reason: null,
		capture_method: optionalString(params, "capture_method") ?? "automatic_async",
		client_secret: `${id}_secret_${randomText(25)}`,
		confirmation_method: "automatic",
		created: now(),
		currency,
		customer: optionalString(params, "customer"),
		description: optionalString(params, "description"),
		last_payment_error: null,
		latest_charge: null,
		livemode: false,
		metadata: metadata(params),
		next_action: null,
		on_behalf_of: optionalString(params, "on_behalf_of"),
		payment_method: null,
		payment_method_types: ["card"],
		receipt_email: optionalString(params, "receipt_email"),
		status: "requires_payment_method",
		transfer_data: destination === null ? null : { destination },
		transfer_group: optionalString(params, "transfer_group"),
	};
	store.paymentIntents.set(id, intent);
	return intent;
}

/** What Stripe does once the buyer's payment goes through; returns the webhook's event. */
export function succeedPaymentIntent(store: FakeStripeStore, id: string): FakeStripeEvent {
	const intent = store.paymentIntents.get(id);
	if (!intent) throw new Error(`fake Stripe: no PaymentIntent ${id}`);
	if (intent.status === "succeeded" || intent.status === "canceled") {
		throw new Error(`fake Stripe: PaymentIntent ${id} is already ${String(intent.status)}`);
	}
	const amount = intent.amount as number;
	const currency = intent.currency as string;
	const fee = store.stripeFee(amount);
	const created = now();
	const chargeId = fakeId("ch");
	const balanceTransaction: FakeStripeObject = {
		id: fakeId("txn"),
		object: "balance_transaction",
		amount,
		available_on: created + 7 * 86_400,
		created,
		currency,
		description: intent.description,
		exchange_rate: null,
		fee,
		fee_details: [
			{ amount: fee, application: null, currency, description: "Stripe processing fees", type: "stripe_fee" },
		],
		net: amount - fee,
		reporting_category: "charge",
		source: chargeId,
		status: "pending",
		type: "charge",
	};
	store.objects.set(balanceTransaction.id, balanceTransaction);

	const transferData = intent.transfer_data as { destination: string } | null;
	let transferId: string | null = null;
	if (transferData) {
		// A destination charge moves the amount less the application fee to the seller.
		const transfer: FakeStripeObject = {
			id: fakeId("tr"),
			object: "transfer",
			amount: amount - ((intent.application_fee_amount as number | null) ?? 0),
			amount_reversed: 0,
			balance_transaction: null,
			created,
			currency,
			description: null,
			destination: transferData.destination,
			destination_payment: fakeId("py"),
			livemode: false,
			metadata: {},
			reversed: false,
			source_transaction: chargeId,
			transfer_group: `group_${id}`,
		};
		store.objects.set(transfer.id, transfer);
		transferId = transfer.id;
	}

	const charge: FakeStripeObject = {
		id: chargeId,
		object: "charge",
		amount,
		amount_captured: amount,
		amount_refunded: 0,
		application: null,
		application_fee: null,
		application_fee_amount: intent.application_fee_amount,
		balance_transaction: balanceTransaction.id,
		captured: true,
		created,
		currency,
		customer: intent.customer,
		description: intent.description,
		disputed: false,
		failure_code: null,
		failure_message: null,
		livemode: false,
		metadata: intent.metadata,
		on_behalf_of: intent.on_behalf_of,
		paid: true,
		payment_intent: id,
		payment_method: fakeId("pm"),
		receipt_email: intent.receipt_email,
		refunded: false,
		status: "succeeded",
		...(transferId === null ? {} : { transfer: transferId }),
		transfer_data: transferData === null ? null : { amount: null, destination: transferData.destination },
		transfer_group: transferId === null ? null : `group_${id}`,
	};
	store.objects.set(chargeId, charge);

	Object.assign(intent, {
		amount_received: amount,
		latest_charge: chargeId,
		payment_method: charge.payment_method,
		status: "succeeded",
	});
	return {
		id: fakeId("evt"),
		object: "event",
		api_version: Stripe.API_VERSION,
		created,
		data: { object: structuredClone(intent) },
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		type: "payment_intent.succeeded",
	};
}

export function createCheckoutSession(store: FakeStripeStore, params: StripeFormParams) {
	const mode = requiredString(params, "mode");
	const lineItems = params.line_items ?? [];
	if (!Array.isArray(lineItems)) throw invalidRequest("Invalid array: line_items", { param: "line_items" });
	let total: number | null = null;
	let currency = optionalString(params, "currency");
	for (const item of lineItems) {
		if (typeof item !== "object" || Array.isArray(item)) throw invalidRequest("Invalid line_items");
		const priceData = optionalObject(item, "price_data");
		if (!priceData) continue;
		total =
			(total ?? 0) +
			(optionalInteger(priceData, "unit_amount") ?? 0) * (optionalInteger(item, "quantity") ?? 1);
		currency ??= optionalString(priceData, "currency");
	}
	const id = fakeId("cs_test");
	const created = now();
	const session: FakeStripeObject = {
		id,
		object: "checkout.session",
		amount_subtotal: total,
		amount_total: total,
		cancel_url: optionalString(params, "cancel_url"),
		client_reference_id: optionalString(params, "client_reference_id"),
		created,
		currency,
		customer: optionalString(params, "customer"),
		customer_email: optionalString(params, "customer_email"),
		expires_at: created + 86_400,
		livemode: false,
		metadata: metadata(params),
		mode,
		payment_intent: null,
		payment_status: "unpaid",
		status: "open",
		success_url: optionalString(params, "success_url"),
		// Not served: a local address, so a test that follows it never reaches the internet.
		url: `${store.apiBase}/checkout/${id}`,
	};
	store.objects.set(id, session);
	return session;
}

export function createAccount(store: FakeStripeStore, params: StripeFormParams) {
	const controller = optionalObject(params, "controller");
	const account: FakeStripeObject = {
		id: fakeId("acct"),
		object: "account",
		business_type: optionalString(params, "business_type"),
		capabilities: {},
		charges_enabled: false,
		controller: controller ?? { type: "application", is_controller: true },
		country: optionalString(params, "country") ?? "FR",
		created: now(),
		default_currency: "eur",
		details_submitted: false,
		email: optionalString(params, "email"),
		metadata: metadata(params),
		payouts_enabled: false,
		requirements: { currently_due: [], disabled_reason: "requirements.past_due", past_due: [] },
		type: optionalString(params, "type") ?? "none",
	};
	store.objects.set(account.id, account);
	return account;
}

export function createAccountLink(store: FakeStripeStore, params: StripeFormParams) {
	const account = requiredString(params, "account");
	requiredString(params, "type");
	requireAccount(store, account, "account");
	const created = now();
	return {
		object: "account_link",
		created,
		expires_at: created + 300,
		url: `${store.apiBase}/connect/setup/${account}/${randomText(12)}`,
	};
}

export function createLoginLink(store: FakeStripeStore, accountId: string) {
	requireAccount(store, accountId, "account");
	return { object: "login_link", created: now(), url: `${store.apiBase}/connect/express/${accountId}` };
}

/** The collections GET /v1/<collection>/<id> serves, and the `object` each holds. */
export const retrievable: Record<string, string> = {
	payment_intents: "payment_intent",
	charges: "charge",
	balance_transactions: "balance_transaction",
	transfers: "transfer",
	accounts: "account",
	"checkout/sessions": "checkout.session",
};

export function retrieve(store: FakeStripeStore, collection: string, id: string): FakeStripeObject {
	const noun = retrievable[collection] ?? collection;
	const found = lookup(store, id);
	if (!found || found.object !== noun) throw noSuch(noun, id, noun === "payment_intent" ? "intent" : "id");
	return found;
}
