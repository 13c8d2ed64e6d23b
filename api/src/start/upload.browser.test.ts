import { writeFileSync } from "node:fs";
import path from "node:path";
import { makeTestJpeg } from "@focus-racer/core/testing";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProBrowser, startProBrowser } from "../testing/pro-browser.ts";
import { chromiumOrSkip } from "../testing/start-server.ts";

const chromiumPath = chromiumOrSkip();

/** The demo photographer: 5000 credits, owns the public demo event. */
const photographer = { email: "photographer@focusracer.example", password: "focus-racer-demo" };
const demoEventName = "Trail des Crêtes 2026";
interface PhotoRow {
	originalFilename: string;
	width: number | null;
	height: number | null;
}

/** The server's worker processes every photo for real (sharp): a few seconds each on 2 cores. */
const processingTimeout = 180_000;

let stage: ProBrowser | undefined;
let context: BrowserContext | undefined;
let tempDir = "";
let baseUrl = "";

/** Real photos (distinct pictures, larger than the 2400 px the browser shrinks to) and one fake. */
async function writeFixtures(dir: string, seeds: number[], withBroken: boolean): Promise<string[]> {
	const files: string[] = [];
	for (const seed of seeds) {
		const file = path.join(dir, `race-${seed}.jpg`);
		writeFileSync(file, await makeTestJpeg({ seed, width: 3000, height: 2000 }));
		files.push(file);
	}
	if (withBroken) {
		const broken = path.join(dir, "broken.jpg");
		writeFileSync(broken, "this is a text file, not a photo\n");
		files.push(broken);
	}
	return files;
}

async function creditBalance(page: Page): Promise<number> {
	const response = await page.request.get(`${baseUrl}/trpc/credits.balance`);
	const body = (await response.json()) as { result: { data: { balance: number } } };
	return body.result.data.balance;
}

/** From the events list to the demo event's import page, as a pro would click. */
async function openDemoEventUpload(page: Page): Promise<string> {
	await page.goto(`${baseUrl}/pro/events`);
	await page.getByRole("link", { name: demoEventName }).click();
	await page.waitForURL(/\/pro\/events\/[0-9a-f-]{36}$/);
	const eventId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
	await page.click(`a[href="/pro/events/${eventId}/upload"]`);
	await page.waitForURL(`**/pro/events/${eventId}/upload`);
	return eventId;
}

async function waitForFinished(page: Page) {
	const finished = page.locator('[data-testid="upload-finished"]');
	await finished.waitFor({ timeout: processingTimeout });
	return {
		ready: Number(await finished.getAttribute("data-ready")),
		rejected: Number(await finished.getAttribute("data-rejected")),
		failed: Number(await finished.getAttribute("data-failed")),
	};
}

beforeAll(async () => {
	if (!chromiumPath) return;
	stage = await startProBrowser({
		chromiumPath,
		tempPrefix: "focus-racer-upload-browser-",
		locale: "en-GB",
		account: photographer,
	});
	({ tempDir, baseUrl, context } = stage);
}, 180_000);

afterAll(() => stage?.close());

describe.skipIf(!chromiumPath)("photo upload in a real browser (npm start)", () => {
	it(
		"imports 4 photos and a broken file, then shows the 4 in the event's grid",
		async () => {
			if (!context) throw new Error("no browser");
			const page = await context.newPage();
			const files = await writeFixtures(tempDir, [11, 12, 13, 14], true);
			const before = await creditBalance(page);
			const eventId = await openDemoEventUpload(page);

			await page.setInputFiles('input[type="file"]', files);
			await expect.poll(() => page.textContent('[data-testid="upload-selected"]')).toContain("5 photos");
			await expect.poll(() => page.textContent('[data-testid="upload-cost"]')).toContain("5 credits");
			await page.click('form button[type="submit"]');

			const outcome = await waitForFinished(page);
			expect(outcome).toEqual({ ready: 4, rejected: 1, failed: 0 });
			expect(await page.getAttribute('[data-testid="upload-step-done"]', "data-state")).toBe("done");
			// The refused file, with a reason a person understands (not the server's code).
			const rejected = (await page.textContent('[data-testid="upload-rejected"]')) ?? "";
			expect(rejected).toContain("broken.jpg");
			expect(rejected).toContain("This file is not a photo.");
			expect(rejected).not.toContain("not_an_image");
			// One credit per accepted photo; the broken file costs nothing.
			expect(await creditBalance(page)).toBe(before - 4);
			// The browser shrank the 3000 px photos to 2400 px before sending them.
			const listed = await page.request.get(
				`${baseUrl}/trpc/photos.list?input=${encodeURIComponent(JSON.stringify({ eventId, status: "ready" }))}`,
			);
			const { photos } = ((await listed.json()) as { result: { data: { photos: PhotoRow[] } } }).result.data;
			const ours = photos.filter((p) => /^race-1[1-4]\.jpg$/.test(p.originalFilename));
			expect(ours.map((p) => [p.width, p.height])).toEqual(Array(4).fill([2400, 1600]));

			await page.click(`a[href="/pro/events/${eventId}"]`);
			await page.waitForURL(`**/pro/events/${eventId}`);
			for (const seed of [11, 12, 13, 14]) {
				const image = page.locator(`[data-testid="photo-grid"] button[aria-label^="race-${seed}.jpg"] img`);
				await image.waitFor({ timeout: 30_000 });
				expect(await image.getAttribute("src")).toMatch(/^\/media\//);
				await expect
					.poll(
						() =>
							image.evaluate((img) => {
								// No DOM lib in the api's tsconfig: the two properties we read, typed by hand.
								const loaded = img as unknown as { complete: boolean; naturalWidth: number };
								return loaded.complete ? loaded.naturalWidth : 0;
							}),
						{
							timeout: 30_000,
						},
					)
					.toBeGreaterThan(0);
			}
			await page.close();
		},
		processingTimeout + 60_000,
	);

	it(
		"retries a chunk whose answer was lost: same photos, charged once",
		async () => {
			if (!context) throw new Error("no browser");
			const page = await context.newPage();
			const files = await writeFixtures(tempDir, [21, 22], false);
			const before = await creditBalance(page);
			await openDemoEventUpload(page);

			// The first request reaches the server (photos stored, credits debited) but its answer
			// is lost on the way back, as with a dropped connection.
			let lost = 0;
			await page.route("**/api/events/*/photos**", async (route) => {
				if (lost > 0) return route.continue();
				lost++;
				await route.fetch();
				await route.fulfill({ status: 502, body: "Bad gateway" });
			});

			await page.setInputFiles('input[type="file"]', files);
			await page.click('form button[type="submit"]');
			const retry = page.getByRole("button", { name: "Try again" });
			await retry.waitFor({ timeout: 60_000 });
			await retry.click();

			expect(await waitForFinished(page)).toEqual({ ready: 2, rejected: 0, failed: 0 });
			expect(lost).toBe(1);
			expect(await creditBalance(page)).toBe(before - 2);
			await page.close();
		},
		processingTimeout + 60_000,
	);
});
