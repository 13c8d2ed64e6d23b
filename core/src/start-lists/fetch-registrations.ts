import type { StartListFieldMapping } from "@focus-racer/db";
import { checkEntry, cleanText } from "./check-entry.ts";
import type {
	ConnectorPreset,
	ConnectorRequest,
	FetchedRegistrations,
	FetchRegistrationsOptions,
	SkippedRegistration,
	StartListConnectorSource,
} from "./connector.ts";
import { connectorPresets } from "./connector-presets.ts";
import { JsonPathError, type JsonPathStep, parseJsonPath, readJsonField, readJsonList } from "./json-path.ts";
import { StartListConnectorError } from "./start-list-connector-error.ts";
import type { StartListEntryInput } from "./start-list-entry.ts";

const defaultTimeoutMs = 20_000;
const defaultMaxPages = 200;

const mappingKeys = ["listPath", "bib", "firstName", "lastName", "email", "category", "club"] as const;
type MappingKey = (typeof mappingKeys)[number];
type FieldKey = Exclude<MappingKey, "listPath">;
type CompiledMapping = Record<MappingKey, JsonPathStep[] | undefined>;

function isConnectorProvider(provider: string): provider is keyof typeof connectorPresets {
	return Object.hasOwn(connectorPresets, provider);
}

function presetFor(provider: string): ConnectorPreset {
	if (!isConnectorProvider(provider)) {
		throw new StartListConnectorError(
			"unsupported_provider",
			provider === "csv"
				? "CSV start lists are imported from a file, not fetched."
				: `There is no connector for "${provider}".`,
		);
	}
	return connectorPresets[provider];
}

function baseUrlOf(source: StartListConnectorSource, preset: ConnectorPreset): string {
	const raw = source.baseUrl?.trim() || preset.defaultBaseUrl;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new StartListConnectorError(
			"invalid_config",
			`"${raw}" is not a web address (like https://api.example.com).`,
		);
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") {
		throw new StartListConnectorError("invalid_config", `"${raw}" must start with https:// (or http://).`);
	}
	// A query or fragment in the base would be lost when the preset appends its path.
	return `${url.origin}${url.pathname}`.replace(/\/+$/u, "");
}

/** Each key of the source's mapping replaces the preset's; null or absent keeps it; "" means "no such field". */
function compileMapping(
	preset: ConnectorPreset,
	overrides: StartListFieldMapping | null | undefined,
): CompiledMapping {
	const compiled = {} as CompiledMapping;
	for (const key of mappingKeys) {
		const path = overrides?.[key] ?? preset.defaultMapping[key];
		if (path.trim() === "" && key !== "listPath") {
			compiled[key] = undefined;
			continue;
		}
		try {
			compiled[key] = parseJsonPath(path);
		} catch (error) {
			if (error instanceof JsonPathError) {
				throw new StartListConnectorError("invalid_mapping", `Field mapping "${key}": ${error.message}.`, {
					cause: error,
				});
			}
			throw error;
		}
	}
	if (compiled.bib === undefined) {
		throw new StartListConnectorError("invalid_mapping", 'The field mapping needs a path for "bib".');
	}
	return compiled;
}

function credentials(source: StartListConnectorSource, preset: ConnectorPreset) {
	const externalEventId = source.externalEventId?.trim() ?? "";
	const apiKey = source.apiKey?.trim() || undefined;
	const apiSecret = source.apiSecret?.trim() || undefined;
	if (externalEventId === "") {
		throw new StartListConnectorError("invalid_config", `${preset.label} needs ${preset.eventIdHint}.`);
	}
	const eventIdProblem = preset.checkEventId?.(externalEventId);
	if (eventIdProblem !== undefined) throw new StartListConnectorError("invalid_config", eventIdProblem);
	const missing = [
		preset.requires.apiKey && apiKey === undefined ? "an API key" : undefined,
		preset.requires.apiSecret && apiSecret === undefined ? "an API secret" : undefined,
	].filter((part) => part !== undefined);
	if (missing.length > 0) {
		throw new StartListConnectorError("invalid_config", `${preset.label} needs ${missing.join(" and ")}.`);
	}
	return { externalEventId, apiKey, apiSecret };
}

// Where a request went, for messages: never the query, which can carry the API key.
function where(url: URL): string {
	return `${url.origin}${url.pathname}`;
}

function isTimeout(error: unknown): boolean {
	return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

async function getJson(
	request: ConnectorRequest,
	preset: ConnectorPreset,
	context: { externalEventId: string; timeoutMs: number; fetch: typeof fetch },
): Promise<unknown> {
	const { url } = request;
	const seconds = Math.round(context.timeoutMs / 100) / 10;
	const failed = (error: unknown): StartListConnectorError =>
		isTimeout(error)
			? new StartListConnectorError(
					"timeout",
					`${preset.label} did not answer within ${seconds} s (${where(url)}). Try again later.`,
					{ cause: error },
				)
			: new StartListConnectorError(
					"unreachable",
					`Could not reach ${preset.label} at ${where(url)}: check the API address, or try again later.`,
					{ cause: error },
				);

	let response: Response;
	let text: string;
	// One deadline for the whole exchange: a platform that sends headers and then stalls is as stuck.
	const signal = AbortSignal.timeout(context.timeoutMs);
	try {
		response = await context.fetch(url, {
			headers: { accept: "application/json", "user-agent": "FocusRacer start-list sync", ...request.headers },
			signal,
		});
		text = await response.text();
	} catch (error) {
		throw failed(error);
	}

	const { status } = response;
	if (status === 401 || status === 403) {
		const what = preset.requires.apiSecret ? "API key or secret" : "API key";
		throw new StartListConnectorError(
			"auth_refused",
			`${preset.label} refused the ${what} (HTTP ${status}): check it in the connector settings.`,
			{ status },
		);
	}
	if (status === 404) {
		throw new StartListConnectorError(
			"unknown_race",
			`${preset.label} does not know the race "${context.externalEventId}" (HTTP 404 at ${where(url)}): check the race id, and the API address if it was changed.`,
			{ status },
		);
	}
	if (status === 429) {
		throw new StartListConnectorError(
			"rate_limited",
			`${preset.label} asks us to slow down (HTTP 429): the sync will try again later.`,
			{ status },
		);
	}
	if (status >= 500) {
		throw new StartListConnectorError(
			"provider_unavailable",
			`${preset.label} had a problem on its side (HTTP ${status}): the sync will try again later.`,
			{ status },
		);
	}
	if (status < 200 || status > 299) {
		throw new StartListConnectorError(
			"http_error",
			`${preset.label} refused the request (HTTP ${status} at ${where(url)}).`,
			{ status },
		);
	}

	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		const type = response.headers.get("content-type") ?? "no content type";
		const start = text.replace(/\s+/gu, " ").trim().slice(0, 60);
		throw new StartListConnectorError(
			"not_json",
			`${preset.label} answered with something that is not JSON (${type}${start === "" ? ", empty" : `, starting "${start}"`}) at ${where(url)}: check the API address.`,
			{ status, cause: error },
		);
	}
}

function asText(value: unknown): string | null {
	if (typeof value === "string") return value;
	// Platforms send bibs as numbers too; leading zeros are then already gone on their side.
	if (typeof value === "number" && Number.isFinite(value)) return String(value);
	if (typeof value === "bigint") return String(value);
	return null;
}

function readFields(item: object, mapping: CompiledMapping): Record<FieldKey, string | null> {
	const read = (key: FieldKey) => {
		const steps = mapping[key];
		return steps === undefined ? null : asText(readJsonField(item, steps));
	};
	return {
		bib: read("bib"),
		firstName: read("firstName"),
		lastName: read("lastName"),
		email: read("email"),
		category: read("category"),
		club: read("club"),
	};
}

/**
 * The start list of one event on a registration platform, all pages read, each registration
 * checked like a CSV line (bib required and short, first bib wins, bad email dropped).
 * Throws StartListConnectorError (with a stable `reason`) when the list cannot be read at all.
 */
export async function fetchRegistrations(
	source: StartListConnectorSource,
	options: FetchRegistrationsOptions = {},
): Promise<FetchedRegistrations> {
	const preset = presetFor(source.provider);
	const baseUrl = baseUrlOf(source, preset);
	const { externalEventId, apiKey, apiSecret } = credentials(source, preset);
	const mapping = compileMapping(preset, source.fieldMapping);
	const listSteps = mapping.listPath ?? [];
	const context = {
		externalEventId,
		timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
		fetch: options.fetch ?? globalThis.fetch,
	};
	const maxPages = options.maxPages ?? defaultMaxPages;

	const entries: StartListEntryInput[] = [];
	const skipped: SkippedRegistration[] = [];
	const warnings: SkippedRegistration[] = [];
	const seen = new Map<string, string>();
	let index = 0;
	let pages = 0;
	let previousPage: string | undefined;

	for (let pageIndex = 0; ; pageIndex++) {
		if (pageIndex >= maxPages) {
			throw new StartListConnectorError(
				"too_many_pages",
				`${preset.label} still had more after ${maxPages} pages: the start list was not imported (raise the page limit if this race is that large).`,
			);
		}
		const request = preset.buildRequest({ baseUrl, externalEventId, apiKey, apiSecret, pageIndex });
		const body = await getJson(request, preset, context);
		pages++;

		const bodyError = preset.bodyError?.(body);
		if (bodyError !== undefined) {
			const advice =
				bodyError.reason === "auth_refused"
					? "check the API key in the connector settings"
					: bodyError.reason === "unknown_race"
						? "check the race id in the connector settings"
						: "check the connector settings";
			throw new StartListConnectorError(
				bodyError.reason,
				`${preset.label} answered "${bodyError.detail}": ${advice}.`,
			);
		}

		const items = readJsonList(body, listSteps);
		if (items === undefined) {
			// Past the last page some APIs answer `{}` rather than an empty list: only the first
			// page must have the list, or the mapping is wrong.
			if (pageIndex > 0) break;
			const path = source.fieldMapping?.listPath ?? preset.defaultMapping.listPath;
			throw new StartListConnectorError(
				"unexpected_shape",
				`${preset.label}'s answer has no list at "${path}": check the field mapping's list path.`,
			);
		}
		if (preset.lastPage === "empty-page" && items.length === 0) break;
		// A platform that ignores our paging sends page 1 again and again: stop instead of looping.
		const serialised = JSON.stringify(items);
		if (serialised === previousPage) break;
		previousPage = serialised;

		for (const item of items) {
			const at = index++;
			if (item === null || typeof item !== "object" || Array.isArray(item)) {
				skipped.push({
					index: at,
					code: "not_an_object",
					reason: "Not a registration (not a JSON object): skipped.",
				});
				continue;
			}
			const raw = readFields(item, mapping);
			const who = [cleanText(raw.firstName), cleanText(raw.lastName)].filter(Boolean).join(" ");
			const prefix = who === "" ? `Registration ${at + 1}` : `${who} (registration ${at + 1})`;
			const checked = checkEntry(raw, seen, `to registration ${at + 1}`);
			if (!checked.ok) {
				skipped.push({ index: at, code: checked.issue.code, reason: `${prefix}: ${checked.issue.message}` });
				continue;
			}
			for (const warning of checked.warnings) {
				warnings.push({ index: at, code: warning.code, reason: `${prefix}: ${warning.message}` });
			}
			entries.push(checked.entry);
		}
		if (preset.lastPage === "short-page" && items.length < preset.pageSize) break;
	}
	return { entries, skipped, warnings, pages };
}
