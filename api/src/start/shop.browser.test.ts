import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inflateRawSync } from "node:zlib";
import { demoEventSlug } from "@focus-racer/db/seed";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumOrSkip, type StartedServer, startServer } from "../testing/start-server.ts";

const chromiumPath = chromiumOrSkip();

/** The worker reads the demo photos for real (sharp, local OCR): about a minute for 40 on 2 cores. */
const processingTimeout = 300_000;
/** The watermarked lightbox image is at most this wide; a bought original must be larger. */
const thumbMaxSide = 1200;

let tdb: TestDatabase;
let server: StartedServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let tempDir = "";
let baseUrl = "";
let eventId = "";
/** The demo bib with the most photos (at least two, so the lightbox has somewhere to go). */
let bib = "";
let bibPhotoCount = 0;

/** Entries of a ZIP read from its central directory (archiver streams with data descriptors). */
function unzip(buffer: Buffer): Map<string, Buffer> {
	const entries = new Map<string, Buffer>();
	let end = buffer.length - 22;
	while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
	if (end < 0) throw new Error("not a ZIP: no end of central directory");
	const count = buffer.readUInt16LE(end + 10);
	let at = buffer.readUInt32LE(end + 16);
	for (let i = 0; i < count; i++) {
		const method = buffer.readUInt16LE(at + 10);
		const compressedSize = buffer.readUInt32LE(at + 20);
		const nameLength = buffer.readUInt16LE(at + 28);
		const extra = buffer.readUInt16LE(at + 30);
		const comment = buffer.readUInt16LE(at + 32);
		const local = buffer.readUInt32LE(at + 42);
		const name = buffer.subarray(at + 46, at + 46 + nameLength).toString("utf8");
		const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
		const data = buffer.subarray(dataAt, dataAt + compressedSize);
		entries.set(name, method === 0 ? data : inflateRawSync(data));
		at += 46 + nameLength + extra + comment;
	}
	return entries;
}

/** Width and height from a JPEG's start-of-frame marker (no image library in the api's tests). */
function jpegSize(jpeg: Buffer): { width: number; height: number } | undefined {
	if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
	let at = 2;
	while (at + 9 < jpeg.length) {
		if (jpeg[at] !== 0xff) return undefined;
		const marker = jpeg[at + 1] ?? 0;
		const length = jpeg.readUInt16BE(at + 2);
		// SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
		}
		at += 2 + length;
	}
	return undefined;
}

/** What the server says a cart costs: the page must show exactly this. */
async function serverPrice(page: Page, photoIds: string[]) {
	const input = encodeURIComponent(JSON.stringify({ eventId, photoIds, allPhotosBibs: [] }));
	const response = await page.request.get(`${baseUrl}/trpc/cart.price?input=${input}`);
	const body = (await response.json()) as {
		result: { data: { subtotalCents: number; serviceFeeCents: number; totalCents: number } };
	};
	return body.result.data;
}

async function cartPhotoIds(page: Page): Promise<string[]> {
	return page.evaluate((key) => {
		const cart = JSON.parse(localStorage.getItem(key) ?? "{}") as { photos?: { id: string }[] };
		return (cart.photos ?? []).map((p) => p.id);
	}, `fr.cart.${eventId}`);
}

beforeAll(async () => {
	if (!chromiumPath) return;
	tempDir = mkdtempSync(path.join(tmpdir(), "focus-racer-shop-browser-"));
	const dataDir = path.join(tempDir, "data");
	tdb = await createTestDatabase();
	// No Stripe keys and not production: the shop runs in test mode, with the 1 € fee of the
	// demo seller (counted as connected to Stripe by the seed).
	server = await startServer({
		databaseUrl: tdb.url,
		env: { MEDIA_DIR: path.join(dataDir, "media"), DATA_DIR: dataDir },
	});
	baseUrl = server.baseUrl;
	browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	// A phone: the public side is built for one first.
	context = await browser.newContext({
		locale: "en-GB",
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true,
		acceptDownloads: true,
	});

	const [event] = await tdb.sql<{ id: string }[]>`select id from events where slug = ${demoEventSlug}`;
	eventId = event?.id ?? "";
	for (let i = 0; i < processingTimeout / 1000; i++) {
		const [left] = await tdb.sql<{ n: number }[]>`
			select count(*)::int as n from photos where event_id = ${eventId} and status in ('uploaded', 'processing')`;
		const [all] = await tdb.sql<
			{ n: number }[]
		>`select count(*)::int as n from photos where event_id = ${eventId}`;
		if (left?.n === 0 && (all?.n ?? 0) >= 40) break;
		await sleep(1000);
	}
	const [best] = await tdb.sql<{ bib: string; n: number }[]>`
		select b.bib, count(*)::int as n from photo_bibs b join photos p on p.id = b.photo_id
		where b.event_id = ${eventId} and p.status = 'ready'
		group by b.bib order by count(*) desc, b.bib limit 1`;
	bib = best?.bib ?? "";
	bibPhotoCount = best?.n ?? 0;
}, processingTimeout + 180_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await tdb?.close();
	if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

describe.skipIf(!chromiumPath)("the shop in a real browser on a phone (npm start, test payments)", () => {
	it("has demo photos sorted by bib to sell", () => {
		expect(eventId).not.toBe("");
		expect(bib).not.toBe("");
		expect(bibPhotoCount).toBeGreaterThanOrEqual(2);
	});

	it("finds a runner by name and opens their bib's photos", async () => {
		if (!context) throw new Error("no browser");
		const [runner] = await tdb.sql<{ first_name: string; last_name: string }[]>`
			select first_name, last_name from start_list_entries where event_id = ${eventId} and bib = ${bib}`;
		if (!runner) throw new Error(`bib ${bib} is not on the start list`);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/events/${demoEventSlug}`);
		await page.click('[data-testid="search-mode-name"]');
		// Part of the last name, lower case and without accents: the search folds both.
		const typed = runner.last_name
			.normalize("NFD")
			.replace(/\p{Diacritic}/gu, "")
			.toLowerCase()
			.slice(0, 4);
		await page.fill("#name-input", typed);
		const option = page.locator('[data-testid="runner-option"]', {
			hasText: `${runner.first_name} ${runner.last_name}`,
		});
		await option.first().waitFor();
		expect(await option.first().textContent()).toContain(bib);
		await option.first().click();
		await page.waitForURL((url) => url.searchParams.get("bib") === bib);
		await expect
			.poll(() => page.getAttribute('[data-testid="bib-results"]', "data-count"))
			.toBe(String(bibPhotoCount));
		await page.close();
	});

	it("searches a bib, browses the lightbox, fills the cart, pays in test mode and downloads the HD originals", async () => {
		if (!context) throw new Error("no browser");
		const page = await context.newPage();
		await page.goto(`${baseUrl}/events/${demoEventSlug}`);
		await page.locator('[data-testid="gallery-grid"] img').first().waitFor();
		expect(await page.title()).toContain("Trail des Crêtes 2026");
		// The page's own description for search engines (index.html carries a generic one too).
		const descriptions = await page.$$eval('meta[name="description"]', (metas) =>
			metas.map((m) => m.getAttribute("content") ?? ""),
		);
		expect(descriptions.some((d) => d.includes("Monts d'Or"))).toBe(true);

		// Bib search, kept in the address: a reload shows the same results.
		await page.fill("#bib-input", bib);
		await page.press("#bib-input", "Enter");
		await page.waitForURL((url) => url.searchParams.get("bib") === bib);
		const results = page.locator('[data-testid="bib-results"]');
		await expect.poll(() => results.getAttribute("data-count")).toBe(String(bibPhotoCount));
		expect(await page.textContent('[data-testid="results-title"]')).toContain(`bib ${bib}`);
		await page.reload();
		await expect.poll(() => results.getAttribute("data-count")).toBe(String(bibPhotoCount));

		// The gallery never shows more than the watermarked images, and not as a draggable image.
		const grid = page.locator('[data-testid="bib-results"] [data-testid="gallery-grid"]');
		const firstImage = grid.locator("img").first();
		expect(await firstImage.getAttribute("src")).toMatch(/^\/media\/events\/.+\/micro\//);
		expect(await firstImage.getAttribute("draggable")).toBe("false");

		// Lightbox: the watermarked thumbnail, → moves on, the neighbours are fetched ahead.
		await grid.locator('[data-testid="gallery-photo"]').first().click();
		const lightbox = page.locator('[data-testid="lightbox"]');
		await lightbox.waitFor();
		expect(await lightbox.getAttribute("data-index")).toBe("0");
		const image = page.locator('[data-testid="lightbox-image"]');
		const firstSrc = await image.getAttribute("src");
		expect(firstSrc).toMatch(/\/thumbs\//);
		await page.keyboard.press("ArrowRight");
		await expect.poll(() => lightbox.getAttribute("data-index")).toBe("1");
		await expect.poll(() => image.getAttribute("src")).not.toBe(firstSrc);
		expect(await image.getAttribute("src")).toMatch(/\/thumbs\//);

		// Both photos of the bib into the cart from the lightbox, then close it with Escape.
		await page.click('[data-testid="lightbox-cart"]');
		await page.keyboard.press("ArrowLeft");
		await expect.poll(() => lightbox.getAttribute("data-index")).toBe("0");
		await page.click('[data-testid="lightbox-cart"]');
		await expect.poll(() => page.getAttribute('[data-testid="lightbox-cart"]', "aria-pressed")).toBe("true");
		await page.keyboard.press("Escape");
		await lightbox.waitFor({ state: "detached" });
		await expect.poll(() => page.textContent('[data-testid="cart-count"]')).toBe("2");
		const bibPhotos = await cartPhotoIds(page);
		expect(bibPhotos).toHaveLength(2);

		// A guest's favorite lives in this browser.
		await grid.locator('[data-testid="favorite-toggle"]').first().click();
		await expect.poll(() => page.textContent('[data-testid="show-favorites"]')).toContain("1");
		expect(await page.evaluate(() => localStorage.getItem("fr.favorites"))).toContain(bibPhotos[1] ?? "");

		// The cart: two single photos and the 1 € service fee, priced by the server; an upsell
		// to the 5-photo pack is offered.
		await page.click('[data-testid="cart-button"]');
		await page.waitForURL(`**/events/${demoEventSlug}/cart`);
		const total = page.locator('[data-testid="cart-total"]');
		await total.waitFor();
		const twoPhotos = await serverPrice(page, bibPhotos);
		expect(twoPhotos.serviceFeeCents).toBe(100);
		expect(twoPhotos.totalCents).toBe(twoPhotos.subtotalCents + 100);
		await expect.poll(() => total.textContent()).toBe(`€${twoPhotos.totalCents / 100}`);
		expect(await page.textContent('[data-testid="service-fee"]')).toContain("€1");
		await expect.poll(() => page.locator('[data-testid="upsell"]').count()).toBeGreaterThan(0);
		expect(await page.textContent('[data-testid="upsells"]')).toMatch(
			/Add 3 photos for €5: take the 5 photos pack/,
		);

		// Taking the offer: three more photos from the gallery make a 5-photo pack.
		await page.goto(`${baseUrl}/events/${demoEventSlug}`);
		const tiles = page.locator('[data-testid="gallery-grid"] li');
		await tiles.first().waitFor();
		let added = 0;
		for (let i = 0; added < 3; i++) {
			const toggle = tiles.nth(i).locator('[data-testid="cart-toggle"]');
			if ((await toggle.getAttribute("aria-pressed")) === "true") continue;
			await toggle.click();
			added++;
		}
		await expect.poll(() => page.textContent('[data-testid="cart-count"]')).toBe("5");
		const fivePhotos = await cartPhotoIds(page);
		await page.click('[data-testid="cart-button"]');
		await page.waitForURL(`**/events/${demoEventSlug}/cart`);
		const fivePrice = await serverPrice(page, fivePhotos);
		expect(fivePrice).toMatchObject({ subtotalCents: 1500, serviceFeeCents: 100, totalCents: 1600 });
		await expect.poll(() => total.textContent()).toBe("€16");
		expect(await page.locator('[data-testid="price-line"]').count()).toBe(1);
		expect(await page.textContent('[data-testid="price-line"]')).toContain("5 photos pack");

		// Checkout as a guest, in test mode (this site has no Stripe keys).
		await page.locator('[data-testid="go-checkout"]').first().click();
		await page.waitForURL(`**/events/${demoEventSlug}/checkout`);
		await page.locator('[data-testid="test-payment"]').waitFor();
		expect(await page.textContent('[data-testid="test-payment"]')).toMatch(/no money moves/i);
		await page.fill('input[name="email"]', "camille.guest@example.com");
		await page.fill('input[name="name"]', "Camille Durand");
		await expect
			.poll(() => page.textContent('[data-testid="pay-button"]'))
			.toContain("Pay in test mode · €16");
		await page.click('[data-testid="pay-button"]');
		await page.waitForURL(/\/downloads\/[^/]+$/);
		const downloads = page.locator('[data-testid="downloads"]');
		await expect.poll(() => downloads.getAttribute("data-status"), { timeout: 30_000 }).toBe("paid");
		expect(await page.textContent('[data-testid="receipt-total"]')).toBe("€16");
		expect(await page.locator('[data-testid="order-files"] li').count()).toBe(5);

		const [order] = await tdb.sql<
			{ status: string; is_test_payment: boolean; buyer_email: string; total_cents: number }[]
		>`
				select status, is_test_payment, buyer_email, total_cents from orders where event_id = ${eventId}`;
		expect(order).toEqual({
			status: "paid",
			is_test_payment: true,
			buyer_email: "camille.guest@example.com",
			total_cents: 1600,
		});

		// The ZIP holds the five HD originals: JPEGs larger than the 1200 px watermarked image.
		const [download] = await Promise.all([
			page.waitForEvent("download"),
			page.click('[data-testid="download-zip"]'),
		]);
		const zipPath = await download.path();
		const entries = unzip(readFileSync(zipPath));
		expect(entries.size).toBe(5);
		for (const [name, jpeg] of entries) {
			expect(name).toMatch(/\.jpe?g$/i);
			expect([...jpeg.subarray(0, 3)], name).toEqual([0xff, 0xd8, 0xff]);
			const size = jpegSize(jpeg);
			expect(size, name).toBeDefined();
			expect(Math.max(size?.width ?? 0, size?.height ?? 0), name).toBeGreaterThan(thumbMaxSide);
		}

		// Paid: the event's cart is empty again.
		await page.goto(`${baseUrl}/events/${demoEventSlug}`);
		await page.locator('[data-testid="gallery-grid"]').waitFor();
		expect(await page.locator('[data-testid="cart-count"]').count()).toBe(0);
		await page.close();
	}, 180_000);
});
