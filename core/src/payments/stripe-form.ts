/**
 * Stripe's v1 request encoding, as the SDK writes it (`stringifyRequestData` in stripe-node):
 * `application/x-www-form-urlencoded` with brackets for nesting, `metadata[order_id]=o1`,
 * `transfer_data[destination]=acct_1`, and indexed arrays `expand[0]=a` (Stripe also accepts
 * `expand[]=a`). Every leaf is a string: Stripe converts numbers and booleans per parameter.
 */
export type StripeFormValue = string | StripeFormValue[] | StripeFormParams;
export interface StripeFormParams {
	[key: string]: StripeFormValue;
}

/** A body Stripe would refuse to parse; the fake answers it as Stripe does, with a 400. */
export class StripeFormError extends Error {
	override name = "StripeFormError";
}

/** `a[b][]` → ["a", "b", ""]. */
function keyPath(key: string): string[] {
	const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
	if (!match) throw new StripeFormError(`Invalid parameter name: ${key}`);
	const [, head = "", brackets = ""] = match;
	return [head, ...[...brackets.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "")];
}

function isIndex(segment: string): boolean {
	return segment === "" || /^\d+$/.test(segment);
}

function decode(text: string): string {
	try {
		return decodeURIComponent(text.replace(/\+/g, " "));
	} catch {
		throw new StripeFormError(`Invalid percent-encoding: ${text}`);
	}
}

type Container = StripeFormValue[] | StripeFormParams;

function setChild(container: Container, segment: string, value: StripeFormValue): void {
	if (Array.isArray(container)) {
		if (segment === "") container.push(value);
		else container[Number(segment)] = value;
	} else {
		container[segment] = value;
	}
}

function getChild(container: Container, segment: string): StripeFormValue | undefined {
	if (Array.isArray(container)) return segment === "" ? undefined : container[Number(segment)];
	return Object.hasOwn(container, segment) ? container[segment] : undefined;
}

function assign(root: StripeFormParams, path: string[], value: string, key: string): void {
	let container: Container = root;
	for (let i = 0; i < path.length; i++) {
		const segment = path[i] ?? "";
		// A key such as `__proto__` must stay data, never reach an object's prototype.
		if (segment === "__proto__" || segment === "constructor" || segment === "prototype") {
			throw new StripeFormError(`Invalid parameter name: ${key}`);
		}
		const next = path[i + 1];
		if (next === undefined) {
			setChild(container, segment, value);
			return;
		}
		let child = getChild(container, segment);
		if (child === undefined) {
			child = isIndex(next) ? [] : {};
			setChild(container, segment, child);
		} else if (typeof child === "string" || Array.isArray(child) !== isIndex(next)) {
			throw new StripeFormError(`Invalid hash or array: ${key} conflicts with an earlier parameter`);
		}
		container = child;
	}
}

/** Parses a request body or query string into nested objects and arrays of strings. */
export function parseStripeForm(text: string): StripeFormParams {
	const params: StripeFormParams = {};
	for (const pair of text.split("&")) {
		if (pair === "") continue;
		const equals = pair.indexOf("=");
		const key = decode(equals === -1 ? pair : pair.slice(0, equals));
		const value = equals === -1 ? "" : decode(pair.slice(equals + 1));
		assign(params, keyPath(key), value, key);
	}
	return params;
}
