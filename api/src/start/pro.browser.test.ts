import { writeFileSync } from "node:fs";
import path from "node:path";
import { makeTestJpeg } from "@focus-racer/core/testing";
import type { TestDatabase } from "@focus-racer/db/testing";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProBrowser, startProBrowser } from "../testing/pro-browser.ts";
import { chromiumOrSkip } from "../testing/start-server.ts";

const chromiumPath = chromiumOrSkip();

/** The demo photographer: 5000 credits, no event of this test's name. */
const photographer = { email: "photographer@focusracer.example", password: "focus-racer-demo" };
const eventName = "Semi-marathon d'Évian 2026";

/**
 * A start list as French spreadsheets write it: semicolons, accents, one bib given twice and
 * one malformed email, so the page has per-line outcomes to show.
 */
const startListCsv = [
	"Dossard;Prénom;Nom;E-mail;Catégorie;Club",
	"101;Zoé;Lefèvre;zoe@example.com;SEF;Évian Athlé",
	"102;Hélène;Dürr;;M1F;",
	"103;Noël;Garçon;pas-une-adresse;SEH;Côte Running",
	"101;Zoé;Doublon;;SEF;",
	"",
].join("\r\n");

/** Three photos through the real pipeline (sharp, local OCR): a few seconds each on 2 cores. */
const photoSeeds = [31, 32, 33];
const processingTimeout = 120_000;

let tdb: TestDatabase;
let stage: ProBrowser | undefined;
let context: BrowserContext | undefined;
let tempDir = "";
let baseUrl = "";

async function creditBalance(page: Page): Promise<number> {
	const response = await page.request.get(`${baseUrl}/trpc/credits.balance`);
	const body = (await response.json()) as { result: { data: { balance: number } } };
	return body.result.data.balance;
}

/** Opens one of the event's tabs the way a pro does: by clicking it. */
async function openTab(page: Page, eventId: string, tab: string, slug: string) {
	await page.click(`[data-testid="event-tab-${tab}"]`);
	await page.waitForURL(`**/pro/events/${eventId}${slug}`);
}

beforeAll(async () => {
	if (!chromiumPath) return;
	// In French, as most of our pros: the French dictionary and its number formats are tested too.
	stage = await startProBrowser({
		chromiumPath,
		tempPrefix: "focus-racer-pro-browser-",
		locale: "fr-FR",
		account: photographer,
	});
	({ tempDir, tdb, baseUrl, context } = stage);
}, 180_000);

afterAll(() => stage?.close());

describe.skipIf(!chromiumPath)("a pro's event from scratch in a real browser (npm start)", () => {
	it(
		"creates an event, imports a CSV start list, sets packs, uploads photos and sees them in the stats",
		async () => {
			if (!context) throw new Error("no browser");
			const page = await context.newPage();
			const [owner] = await tdb.sql<
				{ id: string }[]
			>`select id from users where email = ${photographer.email}`;

			// 1. A new event, from the events list.
			await page.goto(`${baseUrl}/pro/events`);
			await page.click('[data-testid="new-event"]');
			await page.waitForURL("**/pro/events/new");
			await page.fill('input[name="name"]', eventName);
			await page.fill('input[name="date"]', "2026-11-08");
			await page.fill('input[name="place"]', "Évian-les-Bains");
			await page.selectOption('select[name="sportType"]', "running");
			await page.click('[data-testid="new-event-form"] button[type="submit"]');
			await page.waitForURL(/\/pro\/events\/[0-9a-f-]{36}$/);
			const eventId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
			expect(await page.textContent("h1")).toContain(eventName);
			const [event] = await tdb.sql<{ owner_id: string; visibility: string; place: string }[]>`
				select owner_id, visibility, place from events where id = ${eventId}`;
			expect(event).toEqual({ owner_id: owner?.id, visibility: "draft", place: "Évian-les-Bains" });

			// 2. The start list: the file's format is detected, the columns suggested, then imported.
			await openTab(page, eventId, "startList", "/start-list");
			const csvFile = path.join(tempDir, "inscrits.csv");
			writeFileSync(csvFile, startListCsv, "utf8");
			await page.setInputFiles('[data-testid="csv-input"]', csvFile);
			await page.locator('[data-testid="csv-preview"]').waitFor();
			expect(await page.inputValue('[data-testid="csv-delimiter"]')).toBe(";");
			expect(await page.isChecked('[data-testid="csv-has-header"]')).toBe(true);
			const mapped = await Promise.all(
				[0, 1, 2, 3, 4, 5].map((column) => page.inputValue(`[data-testid="csv-map-${column}"]`)),
			);
			expect(mapped).toEqual(["bib", "firstName", "lastName", "email", "category", "club"]);
			expect(await page.textContent('[data-testid="csv-preview"]')).toContain("Hélène");
			await page.getByRole("button", { name: "Importer la liste" }).click();
			const summary = page.locator('[data-testid="csv-result-summary"]');
			await summary.waitFor();
			expect(await summary.textContent()).toContain("3 coureurs ajoutés, 0 mis à jour");
			// Each set-aside line in words, never the server's code.
			const issues = (await page.textContent('[data-testid="csv-issues"]')) ?? "";
			expect(issues).toContain("Ce dossard figure déjà plus haut dans le fichier");
			expect(issues).toContain("Adresse e-mail invalide");
			expect(issues).not.toContain("duplicate_bib");
			await expect.poll(() => page.textContent('[data-testid="runners-count"]')).toBe("3");
			expect(await page.textContent('[data-testid="runners-table"]')).toContain("Noël Garçon");
			const entries = await tdb.sql<
				{ bib: string; first_name: string; last_name: string; email: string | null }[]
			>`
				select bib, first_name, last_name, email from start_list_entries where event_id = ${eventId} order by bib`;
			expect(entries).toEqual([
				{ bib: "101", first_name: "Zoé", last_name: "Lefèvre", email: "zoe@example.com" },
				{ bib: "102", first_name: "Hélène", last_name: "Dürr", email: null },
				{ bib: "103", first_name: "Noël", last_name: "Garçon", email: null },
			]);

			// 3. Packs: two added, then the first one's price edited in place (French decimal comma).
			await openTab(page, eventId, "packs", "/packs");
			const newPack = page.locator('[data-testid="new-pack-form"]');
			await newPack.locator('input[name="name"]').fill("1 photo");
			await newPack.locator('input[name="price"]').fill("5");
			await newPack.locator('input[name="photoCount"]').fill("1");
			await newPack.locator('button[type="submit"]').click();
			await page.locator('[data-testid="pack-row"]').first().waitFor();
			await page.locator('[data-testid="new-pack-form"] input[name="name"]').fill("Toutes mes photos");
			await page.locator('[data-testid="new-pack-form"] input[name="price"]').fill("25");
			await page.locator('[data-testid="new-pack-form"] input[value="all"]').check();
			await page.locator('[data-testid="new-pack-form"] button[type="submit"]').click();
			await expect.poll(() => page.locator('[data-testid="pack-row"]').count()).toBe(2);
			const firstPack = page.locator('[data-testid="pack-row"]').first();
			await firstPack.locator('[data-testid="pack-edit"]').click();
			await firstPack.locator('input[name="price"]').fill("6,50");
			await firstPack.locator('button[type="submit"]').click();
			await expect
				.poll(async () =>
					(await firstPack.locator('[data-testid="pack-price"]').textContent())?.replace(/\s/g, " "),
				)
				.toBe("6,50 €");
			const packs = await tdb.sql<{ name: string; price_cents: number; photo_count: number | null }[]>`
				select name, price_cents, photo_count from price_packs where event_id = ${eventId} order by sort_order`;
			expect(packs).toEqual([
				{ name: "1 photo", price_cents: 650, photo_count: 1 },
				{ name: "Toutes mes photos", price_cents: 2500, photo_count: null },
			]);

			// 4. Photos, imported from the event's own tab and processed by the real worker.
			const before = await creditBalance(page);
			const files: string[] = [];
			for (const seed of photoSeeds) {
				const file = path.join(tempDir, `evian-${seed}.jpg`);
				writeFileSync(file, await makeTestJpeg({ seed, width: 3000, height: 2000 }));
				files.push(file);
			}
			await openTab(page, eventId, "upload", "/upload");
			await page.setInputFiles('input[type="file"]', files);
			await expect.poll(() => page.textContent('[data-testid="upload-selected"]')).toContain("3 photos");
			await page.click('form button[type="submit"]');
			const finished = page.locator('[data-testid="upload-finished"]');
			await finished.waitFor({ timeout: processingTimeout });
			expect(await finished.getAttribute("data-ready")).toBe("3");
			expect(await creditBalance(page)).toBe(before - 3);
			// The balance in the top bar followed the import.
			await expect
				.poll(async () => (await page.textContent('[data-testid="credit-balance-chip"]'))?.replace(/\D/g, ""))
				.toBe(String(before - 3));

			// 5. The stats: the event's own tab, then the overview's line for it.
			await openTab(page, eventId, "stats", "/stats");
			await expect.poll(() => page.textContent('[data-testid="stat-photos-value"]')).toBe("3");
			expect(await page.locator('[data-testid="daily-chart"]').count()).toBe(1);
			await page.click('nav a[href="/pro/stats"]');
			await page.waitForURL("**/pro/stats");
			const row = page.locator(`[data-testid="stats-event-row"][data-event-id="${eventId}"]`);
			await expect.poll(() => row.locator('[data-testid="stats-event-photos"]').textContent()).toBe("3");
			expect(await row.textContent()).toContain(eventName);
			await page.close();
		},
		processingTimeout + 90_000,
	);

	it("pages through a start list of 450 runners, 200 at a time, and an import starts it over", async () => {
		if (!context) throw new Error("no browser");
		const [event] = await tdb.sql<{ id: string }[]>`select id from events where name = ${eventName}`;
		if (!event) throw new Error("the first test's event is missing");
		const count = await tdb.sql<{ n: number }[]>`
			select count(*)::int as n from start_list_entries where event_id = ${event.id}`;
		const seeded = 450 - (count[0]?.n ?? 0);
		await tdb.sql`
			insert into start_list_entries (event_id, bib, first_name, last_name)
			select ${event.id}, (2000 + g)::text, 'Coureur', 'N' || g from generate_series(1, ${seeded}::int) g`;
		const page = await context.newPage();
		const rows = page.locator('[data-testid="runners-table"] tbody tr');
		const more = page.getByRole("button", { name: /^Voir plus/ });
		await page.goto(`${baseUrl}/pro/events/${event.id}/start-list`);
		await expect.poll(() => rows.count()).toBe(200);
		expect(await more.textContent()).toContain("Voir plus (200 sur 450)");
		await more.click();
		await expect.poll(() => rows.count()).toBe(400);
		await more.click();
		await expect.poll(() => rows.count()).toBe(450);
		expect(await more.count()).toBe(0);
		const bibs = await rows.locator("td:first-child").allTextContents();
		expect(new Set(bibs).size).toBe(450);

		// A new import replaces the list: the table restarts from the new first page.
		const csvFile = path.join(tempDir, "un-de-plus.csv");
		writeFileSync(csvFile, "Dossard;Prénom;Nom\r\n9999;Ada;Nouvelle\r\n", "utf8");
		await page.setInputFiles('[data-testid="csv-input"]', csvFile);
		await page.locator('[data-testid="csv-preview"]').waitFor();
		await page.getByRole("button", { name: "Importer la liste" }).click();
		await page.locator('[data-testid="csv-result-summary"]').waitFor();
		await expect.poll(() => page.textContent('[data-testid="runners-count"]')).toBe("451");
		await expect.poll(() => rows.count()).toBe(200);
		expect(await more.textContent()).toContain("Voir plus (200 sur 451)");
		await page.close();
	});

	it("says why a platform sync failed in the pro's language, with the platform's words beside", async () => {
		if (!context) throw new Error("no browser");
		const [event] = await tdb.sql<{ id: string }[]>`select id from events where name = ${eventName}`;
		if (!event) throw new Error("the first test's event is missing");
		await tdb.sql`
			insert into start_list_sources (event_id, provider, external_event_id, last_sync_status,
				last_sync_reason, last_sync_error, last_sync_at)
			values (${event.id}, 'runsignup', '4242:1', 'failed', 'auth_refused',
				'RunSignup refused the API key (HTTP 401).', now())`;
		const page = await context.newPage();
		await page.goto(`${baseUrl}/pro/events/${event.id}/start-list`);
		const connector = page.locator('[data-testid="connector-runsignup"]');
		await connector.locator(":scope > summary").click();
		const status = connector.locator('[data-testid="sync-status"]');
		await expect.poll(() => status.getAttribute("data-status")).toBe("failed");
		expect(await status.locator('[data-testid="sync-reason"]').textContent()).toBe(
			"La plateforme a refusé la clé d'API\u00a0: vérifiez la clé et le secret.",
		);
		expect(await status.locator('[lang="en"]').textContent()).toBe(
			"RunSignup refused the API key (HTTP 401).",
		);
		await page.close();
	});

	it("changes the event's address in its settings, and says so when another event holds it", async () => {
		if (!context) throw new Error("no browser");
		const [event] = await tdb.sql<{ id: string }[]>`select id from events where name = ${eventName}`;
		const [other] = await tdb.sql<{ slug: string }[]>`
			select slug from events where name <> ${eventName} and slug is not null limit 1`;
		if (!event || !other) throw new Error("the events to rename are missing");
		const page = await context.newPage();
		await page.goto(`${baseUrl}/pro/events/${event.id}/settings`);
		const card = page.locator('[data-testid="settings-address"]');
		await card.locator('input[name="slug"]').fill(other.slug);
		await card.getByRole("button", { name: "Enregistrer" }).click();
		await expect
			.poll(() => card.getByRole("alert").textContent())
			.toContain("Cette adresse est déjà prise par un autre événement.");

		await card.locator('input[name="slug"]').fill("semi-evian-2026");
		await card.getByRole("button", { name: "Enregistrer" }).click();
		await expect.poll(() => card.getByRole("status").textContent()).toContain("Modifications enregistrées.");
		expect(await card.getByRole("alert").count()).toBe(0);
		const [saved] = await tdb.sql<{ slug: string }[]>`select slug from events where id = ${event.id}`;
		expect(saved?.slug).toBe("semi-evian-2026");
		await page.close();
	});
});
