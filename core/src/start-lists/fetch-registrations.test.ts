import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectorPresets } from "./connector-presets.ts";
import { fetchRegistrations } from "./fetch-registrations.ts";
import { type RegistrationServer, startRegistrationServer } from "./registration-server.testkit.ts";
import { StartListConnectorError } from "./start-list-connector-error.ts";

let server: RegistrationServer;
beforeAll(async () => {
	server = await startRegistrationServer();
});
afterAll(() => server.close());
beforeEach(() => {
	server.requests.length = 0;
});

async function connectorError(promise: Promise<unknown>): Promise<StartListConnectorError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(StartListConnectorError);
	return error as StartListConnectorError;
}

describe("njuko preset", () => {
	const pages = [
		[
			{
				bib_number: "0042",
				first_name: "Zoé",
				last_name: "Martin",
				email: "zoe@example.com",
				category: "SEF",
				club: "AC Paris",
			},
			{ bib_number: 7, first_name: "Jean", last_name: "Dupont", email: null, category: "M1M", club: null },
		],
		[
			{
				bib_number: "A12",
				first_name: " Léa ",
				last_name: "Petit",
				email: "lea@example",
				category: "",
				club: "Team Run",
			},
		],
		[],
	];

	it("reads every page with the key as a bearer token, the event id in the path", async () => {
		server.answer(({ query }) => ({
			body: { data: { participants: pages[Number(query.get("page")) - 1] ?? [] } },
		}));
		const result = await fetchRegistrations({
			provider: "njuko",
			baseUrl: server.origin,
			externalEventId: "ev-42",
			apiKey: "nj-key",
			apiSecret: null,
			fieldMapping: null,
		});

		expect(server.requests.map((r) => `${r.path}?${r.query}`)).toEqual([
			"/v1/events/ev-42/registrations?page=1&per_page=100",
			"/v1/events/ev-42/registrations?page=2&per_page=100",
			"/v1/events/ev-42/registrations?page=3&per_page=100",
		]);
		expect(server.requests.every((r) => r.headers.authorization === "Bearer nj-key")).toBe(true);
		expect(server.requests[0]?.headers.accept).toBe("application/json");
		expect(result.pages).toBe(3);
		expect(result.entries).toEqual([
			{
				bib: "0042",
				firstName: "Zoé",
				lastName: "Martin",
				email: "zoe@example.com",
				category: "SEF",
				club: "AC Paris",
			},
			{ bib: "7", firstName: "Jean", lastName: "Dupont", email: null, category: "M1M", club: null },
			{ bib: "A12", firstName: "Léa", lastName: "Petit", email: null, category: null, club: "Team Run" },
		]);
		expect(result.skipped).toEqual([]);
		expect(result.warnings).toEqual([
			{
				index: 2,
				code: "invalid_email",
				reason: expect.stringMatching(/^Léa Petit \(registration 3\): "lea@example"/),
			},
		]);
	});

	it("lets the source's field mapping replace the preset's paths, key by key", async () => {
		server.answer(({ query }) =>
			query.get("page") === "1"
				? {
						body: {
							results: {
								items: [
									{ race: { bib: "101" }, person: { given: "Ana" }, last_name: "Silva", club: "Porto" },
									{ race: { bib: "102" }, person: { given: "Bo" }, last_name: "Berg", club: "Oslo" },
								],
							},
						},
					}
				: { body: { results: { items: [] } } },
		);
		const result = await fetchRegistrations({
			provider: "njuko",
			baseUrl: `${server.origin}/`,
			externalEventId: "e1",
			apiKey: "k",
			fieldMapping: { listPath: "results.items", bib: "race.bib", firstName: "person.given", club: "" },
		});
		expect(result.entries).toEqual([
			{ bib: "101", firstName: "Ana", lastName: "Silva", email: null, category: null, club: null },
			{ bib: "102", firstName: "Bo", lastName: "Berg", email: null, category: null, club: null },
		]);
	});
});

describe("kms preset", () => {
	it("pages by offset with the key in X-Api-Key, under the base URL's own path", async () => {
		const all = [
			{
				dossard: "0001",
				prenom: "Élise",
				nom: "Roux",
				email: "elise@example.fr",
				categorie: "ESF",
				club: "ASPTT",
			},
			{ dossard: "0002", prenom: "Marc", nom: "Blanc", email: "", categorie: "V1H", club: "" },
			{ dossard: "0001", prenom: "Paul", nom: "Doublon", email: "", categorie: "", club: "" },
		];
		server.answer(({ query }) => {
			const offset = Number(query.get("offset"));
			// Two items on the first page, then the rest: the platform caps pages below our limit.
			const page = offset === 0 ? all.slice(0, 2) : offset === 200 ? all.slice(2) : [];
			return { body: { inscrits: page } };
		});
		const result = await fetchRegistrations({
			provider: "kms",
			baseUrl: `${server.origin}/api`,
			externalEventId: "777",
			apiKey: "kms-key",
		});
		expect(server.requests.map((r) => `${r.path}?${r.query}`)).toEqual([
			"/api/v1/courses/777/inscrits?offset=0&limit=200",
			"/api/v1/courses/777/inscrits?offset=200&limit=200",
			"/api/v1/courses/777/inscrits?offset=400&limit=200",
		]);
		expect(server.requests.every((r) => r.headers["x-api-key"] === "kms-key")).toBe(true);
		expect(result.entries.map((e) => [e.bib, e.firstName, e.lastName, e.category])).toEqual([
			["0001", "Élise", "Roux", "ESF"],
			["0002", "Marc", "Blanc", "V1H"],
		]);
		expect(result.skipped).toEqual([
			{
				index: 2,
				code: "duplicate_bib",
				reason:
					"Paul Doublon (registration 3): Bib 0001 was already given to registration 1: this one is skipped.",
			},
		]);
	});
});

describe("runsignup preset", () => {
	const participant = (n: number, bib: number | null) => ({
		user: { user_id: n, first_name: `First${n}`, last_name: `Last${n}`, email: `runner${n}@example.com` },
		registration_id: 1000 + n,
		event_id: 67890,
		bib_num: bib,
		team_name: n % 2 === 0 ? "Even Striders" : null,
	});

	it("asks for the race's participants with key and secret in the query, as the docs say", async () => {
		const firstPage = Array.from({ length: 1000 }, (_, i) => participant(i + 1, i + 1));
		const secondPage = [participant(1001, 1001), participant(1002, null), participant(1003, 1003)];
		server.answer(({ query }) => ({
			body: [
				{
					event: { event_id: 67890, participants: [] },
					participants: query.get("page") === "1" ? firstPage : secondPage,
				},
			],
		}));
		const result = await fetchRegistrations({
			provider: "runsignup",
			baseUrl: `${server.origin}/Rest`,
			externalEventId: "12345:67890",
			apiKey: "rsu-key",
			apiSecret: "rsu-secret",
		});

		expect(server.requests).toHaveLength(2);
		for (const [i, request] of server.requests.entries()) {
			expect(request.path).toBe("/Rest/race/12345/participants");
			expect(Object.fromEntries(request.query)).toEqual({
				format: "json",
				event_id: "67890",
				api_key: "rsu-key",
				api_secret: "rsu-secret",
				page: String(i + 1),
				results_per_page: "1000",
				sort: "registration_id ASC",
			});
		}
		expect(result.entries).toHaveLength(1002);
		expect(result.entries[0]).toEqual({
			bib: "1",
			firstName: "First1",
			lastName: "Last1",
			email: "runner1@example.com",
			category: null,
			club: null,
		});
		expect(result.entries[1]?.club).toBe("Even Striders");
		expect(result.skipped).toEqual([
			{
				index: 1001,
				code: "missing_bib",
				reason: "First1002 Last1002 (registration 1002): No bib number: skipped.",
			},
		]);
	});

	it("reads the single-object answer of the method page too, and stops on a short page", async () => {
		server.answer(() => ({
			body: { event: { event_id: 1, participants: [] }, participants: [participant(1, 5)] },
		}));
		const result = await fetchRegistrations({
			provider: "runsignup",
			baseUrl: server.origin,
			externalEventId: "1/2,3",
			apiKey: "k",
			apiSecret: "s",
		});
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0]?.query.get("event_id")).toBe("2,3");
		expect(result.entries.map((e) => e.bib)).toEqual(["5"]);
	});

	it("maps RunSignup's error codes in a 200 answer", async () => {
		server.answer(() => ({ body: { error: { error_code: 6, error_msg: "Key authentication failed" } } }));
		const source = {
			provider: "runsignup",
			baseUrl: server.origin,
			externalEventId: "1:2",
			apiKey: "k",
			apiSecret: "s",
		} as const;
		const auth = await connectorError(fetchRegistrations(source));
		expect(auth.reason).toBe("auth_refused");
		expect(auth.message).toContain("Key authentication failed");

		server.answer(() => ({ body: { error: { error_code: 201, error_msg: "Race not found." } } }));
		expect((await connectorError(fetchRegistrations(source))).reason).toBe("unknown_race");
	});

	it("needs the race and the event, key and secret, before any request", async () => {
		const base = { provider: "runsignup", baseUrl: server.origin, apiKey: "k", apiSecret: "s" } as const;
		const noEvent = await connectorError(fetchRegistrations({ ...base, externalEventId: "12345" }));
		expect(noEvent.reason).toBe("invalid_config");
		expect(noEvent.message).toContain('"race_id:event_id"');
		const noSecret = await connectorError(
			fetchRegistrations({ ...base, externalEventId: "1:2", apiSecret: " " }),
		);
		expect(noSecret.message).toBe("RunSignup needs an API secret.");
		expect(server.requests).toHaveLength(0);
	});
});

describe("connector errors", () => {
	const njuko = (extra: { timeoutMs?: number; maxPages?: number } = {}) =>
		fetchRegistrations(
			{ provider: "njuko", baseUrl: server.origin, externalEventId: "ev", apiKey: "secret-key" },
			extra,
		);

	it("401 and 403: the API key was refused", async () => {
		for (const status of [401, 403]) {
			server.answer(() => ({ status, body: { message: "nope" } }));
			const error = await connectorError(njuko());
			expect(error).toMatchObject({ reason: "auth_refused", status, retryable: false, code: "BAD_REQUEST" });
			expect(error.message).toBe(
				`Njuko refused the API key (HTTP ${status}): check it in the connector settings.`,
			);
		}
	});

	it("404: the race id is unknown", async () => {
		server.answer(() => ({ status: 404, body: { message: "not found" } }));
		const error = await connectorError(njuko());
		expect(error).toMatchObject({ reason: "unknown_race", status: 404 });
		expect(error.message).toContain('the race "ev"');
	});

	it("never puts the query string (RunSignup's key) in a message", async () => {
		server.answer(() => ({ status: 404, body: "<html>Not found</html>" }));
		const error = await connectorError(
			fetchRegistrations({
				provider: "runsignup",
				baseUrl: server.origin,
				externalEventId: "1:2",
				apiKey: "top-secret",
				apiSecret: "hush",
			}),
		);
		expect(error.message).toContain(`${server.origin}/race/1/participants`);
		expect(error.message).not.toMatch(/top-secret|hush/);
	});

	it("an answer that is not JSON", async () => {
		server.answer(() => ({ body: "<!DOCTYPE html><html><body>Login</body></html>" }));
		const error = await connectorError(njuko());
		expect(error.reason).toBe("not_json");
		expect(error.message).toContain('text/html, starting "<!DOCTYPE html>');
	});

	it("JSON without the list where the mapping says", async () => {
		server.answer(() => ({ body: { data: { registrations: [] } } }));
		const error = await connectorError(njuko());
		expect(error.reason).toBe("unexpected_shape");
		expect(error.message).toContain('"data.participants"');
	});

	it("a platform too slow to answer", async () => {
		server.answer(() => ({ body: { data: { participants: [] } }, delayMs: 1_000 }));
		const error = await connectorError(njuko({ timeoutMs: 100 }));
		expect(error).toMatchObject({ reason: "timeout", retryable: true });
	});

	it("5xx and 429 are worth retrying, other statuses are not", async () => {
		server.answer(() => ({ status: 503, body: {} }));
		expect(await connectorError(njuko())).toMatchObject({ reason: "provider_unavailable", retryable: true });
		server.answer(() => ({ status: 429, body: {} }));
		expect(await connectorError(njuko())).toMatchObject({ reason: "rate_limited", retryable: true });
		server.answer(() => ({ status: 400, body: {} }));
		expect(await connectorError(njuko())).toMatchObject({ reason: "http_error", retryable: false });
	});

	it("a platform nobody listens on", async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
		const { port } = closed.address() as AddressInfo;
		await new Promise((resolve) => closed.close(resolve));
		const error = await connectorError(
			fetchRegistrations({
				provider: "kms",
				baseUrl: `http://127.0.0.1:${port}`,
				externalEventId: "1",
				apiKey: "k",
			}),
		);
		expect(error).toMatchObject({ reason: "unreachable", retryable: true });
	});

	it("stops when the platform ignores paging, and refuses endless lists", async () => {
		server.answer(() => ({
			body: { data: { participants: [{ bib_number: "1", first_name: "A", last_name: "B" }] } },
		}));
		const repeated = await njuko();
		expect(server.requests).toHaveLength(2);
		expect(repeated.entries).toHaveLength(1);
		expect(repeated.skipped).toEqual([]);

		let n = 0;
		server.answer(() => ({ body: { data: { participants: [{ bib_number: String(++n) }] } } }));
		expect(await connectorError(njuko({ maxPages: 3 }))).toMatchObject({ reason: "too_many_pages" });
	});

	it("refuses what cannot be fetched before any request", async () => {
		const csv = await connectorError(fetchRegistrations({ provider: "csv" }));
		expect(csv.reason).toBe("unsupported_provider");
		const badUrl = await connectorError(
			fetchRegistrations({ provider: "kms", baseUrl: "ftp://x", externalEventId: "1", apiKey: "k" }),
		);
		expect(badUrl.reason).toBe("invalid_config");
		const badPath = await connectorError(
			fetchRegistrations({
				provider: "kms",
				baseUrl: server.origin,
				externalEventId: "1",
				apiKey: "k",
				fieldMapping: { bib: "a..b" },
			}),
		);
		expect(badPath.reason).toBe("invalid_mapping");
		const noKey = await connectorError(fetchRegistrations({ provider: "kms", externalEventId: "1" }));
		expect(noKey.message).toBe("KMS needs an API key.");
		expect(server.requests).toHaveLength(0);
	});
});

describe("presets", () => {
	it("have every mapping key and a bib path", () => {
		for (const preset of Object.values(connectorPresets)) {
			expect(Object.keys(preset.defaultMapping).sort()).toEqual(
				["bib", "category", "club", "email", "firstName", "lastName", "listPath"].sort(),
			);
			expect(preset.defaultMapping.bib).not.toBe("");
		}
	});
});
