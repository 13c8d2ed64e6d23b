import { setTimeout as sleep } from "node:timers/promises";
import { demoEventSlug } from "@focus-racer/db/seed";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumOrSkip, type StartedServer, startServer } from "../testing/start-server.ts";
import { demoPhotoBibs } from "./seed-demo-photos.ts";

const chromiumPath = chromiumOrSkip();

const adminEmail = "root-admin@focusracer.example";
const adminPassword = "admin-password-for-tests";

let tdb: TestDatabase;
let server: StartedServer | undefined;
let baseUrl = "";
let browser: Browser | undefined;
const output = () => server?.output() ?? "";

beforeAll(async () => {
	if (!chromiumPath) return;
	tdb = await createTestDatabase();
	server = await startServer({
		databaseUrl: tdb.url,
		env: { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword },
	});
	baseUrl = server.baseUrl;
	browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await tdb?.close();
});

describe.skipIf(!chromiumPath)("the site in a real browser (npm start)", () => {
	it("prints the demo logins and runs the worker", () => {
		expect(output()).toMatch(/Demo logins:/);
		expect(output()).toMatch(/runner\s+runner@focusracer\.example\s+focus-racer-demo/);
		expect(output()).toMatch(/Worker: running/);
		// The demo admin is only for the embedded database; here the admin comes from ADMIN_EMAIL.
		expect(output()).not.toMatch(/admin@focusracer\.example/);
	});

	it("registers a runner, logs out, logs back in and sees the account page", async () => {
		if (!browser) throw new Error("no browser");
		const page = await browser.newPage();
		const email = `camille-${Date.now()}@example.com`;
		await page.goto(`${baseUrl}/register`);
		await page.fill('input[name="name"]', "Camille Durand");
		await page.fill('input[name="email"]', email);
		await page.fill('input[name="password"]', "a strong passphrase");
		await page.click('button[type="submit"]');
		await page.waitForURL("**/account");
		await expect.poll(() => page.textContent('[data-testid="account-email"]')).toContain(email);

		await page.click('[data-testid="logout"]');
		await page.waitForURL((url) => !url.pathname.startsWith("/account"));
		await page.goto(`${baseUrl}/account`);
		await page.waitForURL("**/login**");

		await page.fill('input[name="email"]', email);
		await page.fill('input[name="password"]', "a strong passphrase");
		await page.click('button[type="submit"]');
		await page.waitForURL("**/account");
		await expect.poll(() => page.textContent('[data-testid="account-email"]')).toContain(email);
		await page.close();
	});

	it("shows a login error without saying whether the email exists", async () => {
		if (!browser) throw new Error("no browser");
		const page = await browser.newPage();
		await page.goto(`${baseUrl}/login`);
		await page.fill('input[name="email"]', "runner@focusracer.example");
		await page.fill('input[name="password"]', "wrong password");
		await page.click('button[type="submit"]');
		await expect.poll(() => page.locator('[role="alert"]').first().textContent()).toBeTruthy();
		expect(new URL(page.url()).pathname).toBe("/login");
		await page.close();
	});

	const landings = [
		["runner@focusracer.example", "focus-racer-demo", "/account"],
		["photographer@focusracer.example", "focus-racer-demo", "/pro"],
		["agency@focusracer.example", "focus-racer-demo", "/pro"],
		["club@focusracer.example", "focus-racer-demo", "/pro"],
		["federation@focusracer.example", "focus-racer-demo", "/pro"],
		["organizer@focusracer.example", "focus-racer-demo", "/organizer"],
		[adminEmail, adminPassword, "/admin"],
	] as const;
	/** A fresh browser context logged in through the login form, on the space it lands on. */
	async function logIn(email: string, password: string, landing: string) {
		if (!browser) throw new Error("no browser");
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/login`);
		await page.fill('input[name="email"]', email);
		await page.fill('input[name="password"]', password);
		await page.click('button[type="submit"]');
		await page.waitForURL(`**${landing}`);
		return { context, page };
	}

	for (const [email, password, landing] of landings) {
		it(`logs in ${email} and lands on ${landing}`, async () => {
			const { context, page } = await logIn(email, password, landing);
			await expect.poll(() => page.locator("h1").first().textContent()).toBeTruthy();
			await context.close();
		});
	}

	it("lets the admin change an AI setting, refuses a bad one and puts the defaults back", async () => {
		const { context, page } = await logIn(adminEmail, adminPassword, "/admin");
		await page.goto(`${baseUrl}/admin/ai`);
		const form = page.locator('[data-testid="ai-settings-form"]');
		await form.waitFor();
		const stored = async () =>
			(await tdb.sql<{ value: unknown }[]>`select value from platform_settings where key = 'ai'`)[0]?.value;
		// No Rekognition keys on this server: the choice is there but cannot be made.
		await page.locator('[data-testid="ai-rekognition-unavailable"]').waitFor();
		expect(await page.locator('[data-testid="ai-provider"] option[value="rekognition"]').isDisabled()).toBe(
			true,
		);
		expect(await page.locator('[data-testid="ai-bibMinConfidence-default"]').textContent()).toMatch(/90/);

		// Selfie search only, so the demo photos the worker is reading are not affected.
		await page.fill('[data-testid="ai-selfieMinSimilarity"]', "75");
		await form.locator('button[type="submit"]').click();
		await expect.poll(stored).toEqual({ selfieMinSimilarity: 75 });
		await page.locator('[data-testid="ai-saved"]').waitFor();
		await page.reload();
		await form.waitFor();
		expect(await page.inputValue('[data-testid="ai-selfieMinSimilarity"]')).toBe("75");
		await page.locator('[data-testid="ai-selfieMinSimilarity-reset"]').waitFor();

		await page.fill('[data-testid="ai-localSelfieMinCosine"]', "2");
		await form.locator('button[type="submit"]').click();
		await page.locator('[role="alert"]').first().waitFor();
		expect(await stored()).toEqual({ selfieMinSimilarity: 75 });

		await page.click('[data-testid="ai-reset-all"]');
		await form.locator('button[type="submit"]').click();
		await expect.poll(stored).toEqual({});
		await context.close();
	});

	it("answers unknown paths with the 404 page", async () => {
		if (!browser) throw new Error("no browser");
		const page = await browser.newPage();
		await page.goto(`${baseUrl}/no/such/page`);
		await expect.poll(() => page.locator("body").textContent()).toMatch(/404/);
		await page.close();
	});

	it("sorts the demo photos by bib with the local engine, so searching a demo bib finds its photos", async () => {
		const eventRows = await tdb.sql<{ id: string }[]>`select id from events where slug = ${demoEventSlug}`;
		const eventId = eventRows[0]?.id ?? "";
		// The worker reads the 40 generated photos in the background: wait until none is left to do.
		for (let i = 0; i < 300; i++) {
			const [left] = await tdb.sql<{ n: number }[]>`
					select count(*)::int as n from photos where event_id = ${eventId} and status in ('uploaded', 'processing')`;
			if (left?.n === 0) break;
			await sleep(1000);
		}
		// Then the face links: faces.cluster runs 15 s after the last photo of a burst and may
		// still add bibs by face similarity; those must be right too, so read after it.
		for (let i = 0; i < 120; i++) {
			const [pending] = await tdb.sql<{ n: number }[]>`
					select count(*)::int as n from pgboss.job
					where name = 'faces.cluster' and state in ('created', 'retry', 'active')`;
			if (pending?.n === 0) break;
			await sleep(1000);
		}
		const startList = (
			await tdb.sql<
				{ bib: string }[]
			>`select bib from start_list_entries where event_id = ${eventId} order by bib`
		).map((r) => r.bib);
		const photos = await tdb.sql<{ name: string; status: string; bibs: string[] }[]>`
				select p.original_filename as name, p.status,
					coalesce(array_agg(b.bib) filter (where b.bib is not null), '{}') as bibs
				from photos p left join photo_bibs b on b.photo_id = p.id
				where p.event_id = ${eventId} group by p.id`;
		expect(photos.length).toBeGreaterThanOrEqual(40);
		let expected = 0;
		let found = 0;
		for (const photo of photos) {
			expect(photo.status).toBe("ready");
			const index = Number(photo.name.match(/^demo-(\d+)\.jpg$/)?.[1]) - 1;
			const wanted = demoPhotoBibs(index, startList);
			expected += wanted.length;
			found += wanted.filter((bib) => photo.bibs.includes(bib)).length;
			// Nothing read that is not on the photo.
			for (const bib of photo.bibs) expect(wanted, photo.name).toContain(bib);
		}
		expect(found / expected).toBeGreaterThanOrEqual(0.9);
	}, 450_000);
});
