import { type AiSettings, createAiSettingsReader, defaultAiSettings } from "@focus-racer/core";
import { auditLog, platformSettings } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/factories.ts";
import { createTestApp, trpcCaller } from "../../testing/test-app.ts";
import { loginCookie } from "../../testing/upload-harness.ts";

interface View {
	settings: AiSettings;
	stored: Record<string, unknown>;
	defaults: AiSettings;
	providerDefaults: Record<"local" | "rekognition", AiSettings>;
	rekognitionConfigured: boolean;
	envProvider: string;
}

let tdb: TestDatabase;
/** No Rekognition keys or endpoint: the default self-hosted setup. */
let plain: ReturnType<typeof createTestApp>;
/** The same database, on a server that has a Rekognition endpoint. */
let withRekognition: ReturnType<typeof createTestApp>;
let adminCookie: string;
let adminId: string;

beforeAll(async () => {
	tdb = await createTestDatabase();
	plain = createTestApp(tdb.db);
	withRekognition = createTestApp(tdb.db, { REKOGNITION_ENDPOINT: "http://127.0.0.1:1" });
	const admin = await createTestUser(tdb.db, { role: "admin" });
	adminId = admin.id;
	adminCookie = await loginCookie(plain.app, admin);
});
afterAll(() => tdb.close());
// Each case starts from no override (the one settings row is shared by the file's cases).
beforeEach(async () => {
	await tdb.db.delete(platformSettings).where(eq(platformSettings.key, "ai"));
});

function call<T>(
	t: ReturnType<typeof createTestApp>,
	kind: "query" | "mutation",
	path: string,
	input?: unknown,
	cookie?: string,
) {
	return trpcCaller(t.app)<T>(kind, path, input, cookie);
}

async function storedRow() {
	const [row] = await tdb.db.select().from(platformSettings).where(eq(platformSettings.key, "ai"));
	return row;
}

describe("aiSettings", () => {
	it("shows the defaults of the env's provider when the admin has set nothing", async () => {
		const res = await call<View>(plain, "query", "aiSettings.get", undefined, adminCookie);
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			settings: defaultAiSettings("local"),
			stored: {},
			defaults: defaultAiSettings("local"),
			providerDefaults: { local: defaultAiSettings("local"), rekognition: defaultAiSettings("rekognition") },
			rekognitionConfigured: false,
			envProvider: "local",
		});
		const other = await call<View>(withRekognition, "query", "aiSettings.get", undefined, adminCookie);
		expect(other.data.rekognitionConfigured).toBe(true);
	});

	it("counts Rekognition as configured with keys or AI_PROVIDER=rekognition, not with the default region", async () => {
		const keys = createTestApp(tdb.db, {
			REKOGNITION_ACCESS_KEY_ID: "AKIATEST",
			REKOGNITION_SECRET_ACCESS_KEY: "secret",
		});
		const envProvider = createTestApp(tdb.db, { AI_PROVIDER: "rekognition" });
		const region = createTestApp(tdb.db, { REKOGNITION_REGION: "eu-central-1" });
		const configured = async (t: ReturnType<typeof createTestApp>) =>
			(await call<View>(t, "query", "aiSettings.get", undefined, adminCookie)).data.rekognitionConfigured;
		expect(await configured(keys)).toBe(true);
		expect(await configured(envProvider)).toBe(true);
		expect(await configured(region)).toBe(false);
		const fromEnv = await call<View>(envProvider, "query", "aiSettings.get", undefined, adminCookie);
		expect(fromEnv.data).toMatchObject({ envProvider: "rekognition", defaults: { bibMinConfidence: 70 } });
	});

	it("stores the admin's overrides, which get and a fresh worker reader both see", async () => {
		const overrides = {
			bibMinConfidence: 80,
			bibMaxLength: 5,
			faceIndexing: false,
			localFaceMatchCosine: 0.8,
		};
		const res = await call<View>(plain, "mutation", "aiSettings.update", overrides, adminCookie);
		expect(res.status).toBe(200);
		const expected = { ...defaultAiSettings("local"), ...overrides };
		expect(res.data).toMatchObject({ settings: expected, stored: overrides });

		const read = await call<View>(plain, "query", "aiSettings.get", undefined, adminCookie);
		expect(read.data).toMatchObject({ settings: expected, stored: overrides });
		// What a running worker reads after its cache expires: no restart.
		const reader = createAiSettingsReader({ db: tdb.db, defaultProvider: "local", ttlMs: 0 });
		expect(await reader()).toEqual(expected);
		expect((await storedRow())?.updatedById).toBe(adminId);

		// An update replaces the overrides: what is left out goes back to its default.
		await call(plain, "mutation", "aiSettings.update", { selfieMinSimilarity: 75 }, adminCookie);
		expect(await reader()).toEqual({ ...defaultAiSettings("local"), selfieMinSimilarity: 75 });
		await call(plain, "mutation", "aiSettings.update", {}, adminCookie);
		expect(await reader()).toEqual(defaultAiSettings("local"));
	});

	it("switches to Rekognition where it is configured, with Rekognition's defaults", async () => {
		const res = await call<View>(
			withRekognition,
			"mutation",
			"aiSettings.update",
			{ provider: "rekognition" },
			adminCookie,
		);
		expect(res.status).toBe(200);
		expect(res.data.settings).toEqual(defaultAiSettings("rekognition"));
		expect(res.data.defaults.bibMinConfidence).toBe(70);
		const reader = createAiSettingsReader({ db: tdb.db, defaultProvider: "local", ttlMs: 0 });
		expect((await reader()).provider).toBe("rekognition");
	});

	it("writes an audit row with the settings before and after", async () => {
		await call(plain, "mutation", "aiSettings.update", { bibMinConfidence: 85 }, adminCookie);
		await call(
			plain,
			"mutation",
			"aiSettings.update",
			{ bibMinConfidence: 95, bibMinLength: 2 },
			adminCookie,
		);
		const rows = await tdb.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.actorId, adminId), eq(auditLog.action, "settings.ai.update")))
			.orderBy(auditLog.createdAt);
		expect(rows.at(-1)).toMatchObject({
			targetType: "platform_setting",
			targetId: "ai",
			details: { before: { bibMinConfidence: 85 }, after: { bibMinConfidence: 95, bibMinLength: 2 } },
		});
		expect(rows.at(-1)?.ip).toBeTruthy();
		expect(rows.at(-2)?.details).toEqual({ before: null, after: { bibMinConfidence: 85 } });
	});

	it("refuses bad values and changes nothing", async () => {
		await call(plain, "mutation", "aiSettings.update", { bibMinConfidence: 85 }, adminCookie);
		const before = await storedRow();
		const audits = async () =>
			(await tdb.db.select().from(auditLog).where(eq(auditLog.action, "settings.ai.update"))).length;
		const auditsBefore = await audits();

		const confidence = await call(
			plain,
			"mutation",
			"aiSettings.update",
			{ bibMinConfidence: 150 },
			adminCookie,
		);
		expect(confidence).toMatchObject({ status: 400, code: "BAD_REQUEST" });
		expect(confidence.message).toMatch(/<=100/);

		const lengths = await call(
			plain,
			"mutation",
			"aiSettings.update",
			{ bibMinLength: 5, bibMaxLength: 3 },
			adminCookie,
		);
		expect(lengths).toMatchObject({ status: 400, code: "BAD_REQUEST" });
		expect(lengths.message).toMatch(/minimum bib length/);
		// Against the default maximum (6) too: the worker would drop such a value as a whole.
		const aboveDefault = await call(plain, "mutation", "aiSettings.update", { bibMinLength: 8 }, adminCookie);
		expect(aboveDefault).toMatchObject({ status: 400, code: "BAD_REQUEST" });

		const rekognition = await call(
			plain,
			"mutation",
			"aiSettings.update",
			{ provider: "rekognition" },
			adminCookie,
		);
		expect(rekognition).toMatchObject({ status: 400, code: "BAD_REQUEST" });
		expect(rekognition.message).toMatch(/Rekognition is not configured/);

		const unknown = await call(plain, "mutation", "aiSettings.update", { provider: "openai" }, adminCookie);
		expect(unknown.code).toBe("BAD_REQUEST");

		expect(await storedRow()).toEqual(before);
		expect(await audits()).toBe(auditsBefore);
		const reader = createAiSettingsReader({ db: tdb.db, defaultProvider: "local", ttlMs: 0 });
		expect((await reader()).bibMinConfidence).toBe(85);
	});

	it("does not count a stored value the workers ignore as the admin's overrides", async () => {
		await tdb.db.insert(platformSettings).values({ key: "ai", value: { bibMinLength: 9 } });
		const res = await call<View>(plain, "query", "aiSettings.get", undefined, adminCookie);
		expect(res.data).toMatchObject({ settings: defaultAiSettings("local"), stored: {} });
	});

	it("is for admins only: pros and runners are forbidden, guests must log in", async () => {
		for (const role of ["photographer", "organizer", "runner"] as const) {
			const user = await createTestUser(tdb.db, { role });
			const cookie = await loginCookie(plain.app, user);
			expect((await call(plain, "query", "aiSettings.get", undefined, cookie)).code).toBe("FORBIDDEN");
			const write = await call(plain, "mutation", "aiSettings.update", { bibMinConfidence: 10 }, cookie);
			expect(write.code).toBe("FORBIDDEN");
		}
		expect((await call(plain, "query", "aiSettings.get")).code).toBe("UNAUTHORIZED");
		expect((await call(plain, "mutation", "aiSettings.update", { bibMinConfidence: 10 })).code).toBe(
			"UNAUTHORIZED",
		);
		expect(await storedRow()).toBeUndefined();
	});
});
