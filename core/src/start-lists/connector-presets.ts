import type { ConnectorBodyError, ConnectorPreset, ConnectorProvider } from "./connector.ts";

/**
 * NJUKO: ASSUMED. Njuko's API documentation is not readable from here; this preset is a
 * plausible REST shape to check against the real API before the first real sync:
 *   GET {base}/v1/events/{externalEventId}/registrations?page=1&per_page=100
 *   Authorization: Bearer {apiKey}
 *   → { "data": { "participants": [{ "bib_number", "first_name", "last_name", "email",
 *       "category", "club" }] } }
 * Paging stops on an empty page, which stays right if the real API caps `per_page` lower.
 * Whatever differs is fixed per source without code: `baseUrl` replaces the origin and base
 * path, and each `fieldMapping` key replaces the list path or a field path.
 */
const njuko: ConnectorPreset = {
	provider: "njuko",
	label: "Njuko",
	defaultBaseUrl: "https://api.njuko.com",
	requires: { apiKey: true, apiSecret: false },
	eventIdHint: "the event id on Njuko",
	defaultMapping: {
		listPath: "data.participants",
		bib: "bib_number",
		firstName: "first_name",
		lastName: "last_name",
		email: "email",
		category: "category",
		club: "club",
	},
	pageSize: 100,
	lastPage: "empty-page",
	buildRequest({ baseUrl, externalEventId, apiKey, pageIndex }) {
		const url = new URL(`${baseUrl}/v1/events/${encodeURIComponent(externalEventId)}/registrations`);
		url.searchParams.set("page", String(pageIndex + 1));
		url.searchParams.set("per_page", String(njuko.pageSize));
		return { url, headers: { authorization: `Bearer ${apiKey ?? ""}` } };
	},
};

/**
 * KMS (kms.fr): ASSUMED, like Njuko: its API documentation is not readable from here. A French
 * platform, so French field names are the guess:
 *   GET {base}/v1/courses/{externalEventId}/inscrits?offset=0&limit=200
 *   X-Api-Key: {apiKey}
 *   → { "inscrits": [{ "dossard", "prenom", "nom", "email", "categorie", "club" }] }
 * Offset paging, stopping on an empty page. `baseUrl` and `fieldMapping` override all of it.
 */
const kms: ConnectorPreset = {
	provider: "kms",
	label: "KMS",
	defaultBaseUrl: "https://www.kms.fr/api",
	requires: { apiKey: true, apiSecret: false },
	eventIdHint: "the race id on KMS",
	defaultMapping: {
		listPath: "inscrits",
		bib: "dossard",
		firstName: "prenom",
		lastName: "nom",
		email: "email",
		category: "categorie",
		club: "club",
	},
	pageSize: 200,
	lastPage: "empty-page",
	buildRequest({ baseUrl, externalEventId, apiKey, pageIndex }) {
		const url = new URL(`${baseUrl}/v1/courses/${encodeURIComponent(externalEventId)}/inscrits`);
		url.searchParams.set("offset", String(pageIndex * kms.pageSize));
		url.searchParams.set("limit", String(kms.pageSize));
		return { url, headers: { "x-api-key": apiKey ?? "" } };
	},
};

/** RunSignup identifies a start list by race and event: `externalEventId` is "race_id:event_id". */
function runsignupIds(externalEventId: string): { raceId: string; eventId: string } | undefined {
	const match = /^\s*(\d+)\s*[:/]\s*(\d+(?:\s*,\s*\d+)*)\s*$/u.exec(externalEventId);
	if (match?.[1] === undefined || match[2] === undefined) return undefined;
	return { raceId: match[1], eventId: match[2].replace(/\s+/gu, "") };
}

// RunSignup's error codes (runsignup.com/Api/ErrorCodes) that mean our settings are wrong.
const runsignupAuthCodes = new Set([6, 7, 13]);
const runsignupUnknownCodes = new Set([15, 201, 223]);

/**
 * RUNSIGNUP: from its public documentation (runsignup.com/API/race/:race_id/participants/GET
 * and the help article "Downloading Participants Through The API"):
 *   GET https://runsignup.com/Rest/race/{race_id}/participants?format=json&event_id={event_id}
 *       &api_key=…&api_secret=…&page=N&results_per_page=1000&sort=registration_id ASC
 *   → [{ "event": {...}, "participants": [{ "user": { "first_name", "last_name", "email" },
 *       "bib_num", "team_name", ... }] }]
 * Documented: event_id may list several events ("1,2"); results_per_page is at most 2500; a
 * next page exists only when a page is full; sorting by registration_id keeps pages stable.
 * Documented quirk: the per-event "participants" is always empty in JSON, the list is the
 * top-level one, hence `[].participants`, which also reads the single-object form the
 * method page shows. There is no category field: events are the distances; map one (a custom
 * question, `age`…) with `fieldMapping.category` if needed.
 * Auth uses the documented api_key/api_secret query parameters (RunSignup also offers OAuth
 * and rsu_api_key + an X-RSU-API-SECRET header; not used here). ASSUMED: the error body shape
 * `{ "error": { "error_code", "error_msg" } }`; the codes themselves are the documented ones.
 */
const runsignup: ConnectorPreset = {
	provider: "runsignup",
	label: "RunSignup",
	defaultBaseUrl: "https://runsignup.com/Rest",
	requires: { apiKey: true, apiSecret: true },
	eventIdHint: 'the race id and the event id, as "race_id:event_id" (for example "12345:67890")',
	checkEventId(externalEventId) {
		return runsignupIds(externalEventId) === undefined
			? `"${externalEventId}" is not a RunSignup race and event: write "race_id:event_id", for example "12345:67890" (several events: "12345:67890,67891").`
			: undefined;
	},
	defaultMapping: {
		listPath: "[].participants",
		bib: "bib_num",
		firstName: "user.first_name",
		lastName: "user.last_name",
		email: "user.email",
		category: "",
		club: "team_name",
	},
	pageSize: 1000,
	lastPage: "short-page",
	buildRequest({ baseUrl, externalEventId, apiKey, apiSecret, pageIndex }) {
		const ids = runsignupIds(externalEventId);
		const url = new URL(`${baseUrl}/race/${encodeURIComponent(ids?.raceId ?? externalEventId)}/participants`);
		url.searchParams.set("format", "json");
		if (ids) url.searchParams.set("event_id", ids.eventId);
		url.searchParams.set("api_key", apiKey ?? "");
		url.searchParams.set("api_secret", apiSecret ?? "");
		url.searchParams.set("page", String(pageIndex + 1));
		url.searchParams.set("results_per_page", String(runsignup.pageSize));
		url.searchParams.set("sort", "registration_id ASC");
		return { url, headers: {} };
	},
	bodyError(body): ConnectorBodyError | undefined {
		const error = (body as { error?: unknown } | null)?.error;
		if (error === undefined || error === null) return undefined;
		const { error_code: code, error_msg: detail } = error as { error_code?: unknown; error_msg?: unknown };
		const text = typeof detail === "string" ? detail : JSON.stringify(error);
		const numeric = Number(code);
		if (runsignupAuthCodes.has(numeric)) return { reason: "auth_refused", detail: text };
		if (runsignupUnknownCodes.has(numeric)) return { reason: "unknown_race", detail: text };
		return { reason: "provider_error", detail: text };
	},
};

export const connectorPresets: Readonly<Record<ConnectorProvider, ConnectorPreset>> = {
	njuko,
	kms,
	runsignup,
};
