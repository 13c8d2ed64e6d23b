import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { chromiumArgs, type StartedServer, startServer } from "./start-server.ts";

export interface ProBrowser {
	tempDir: string;
	tdb: TestDatabase;
	server: StartedServer;
	baseUrl: string;
	browser: Browser;
	/** Logged in as the pro: every page opened from it shares the session cookie. */
	context: BrowserContext;
	close(): Promise<void>;
}

/**
 * The pro browser tests' stage: `npm start` on a fresh database with the demo accounts and no
 * generated demo photos (they would compete with the test's own for the worker), media in a
 * temp dir, chromium at desktop size in `locale`, logged in as `account` on the pro space.
 */
export async function startProBrowser(options: {
	chromiumPath: string;
	tempPrefix: string;
	locale: string;
	account: { email: string; password: string };
}): Promise<ProBrowser> {
	const tempDir = mkdtempSync(path.join(tmpdir(), options.tempPrefix));
	const dataDir = path.join(tempDir, "data");
	const tdb = await createTestDatabase();
	const server = await startServer({
		databaseUrl: tdb.url,
		env: { MEDIA_DIR: path.join(dataDir, "media"), DATA_DIR: dataDir, DEMO_PHOTOS: "0" },
	});
	const browser = await chromium.launch({ executablePath: options.chromiumPath, args: chromiumArgs });
	const context = await browser.newContext({
		locale: options.locale,
		viewport: { width: 1280, height: 900 },
	});
	const page = await context.newPage();
	await page.goto(`${server.baseUrl}/login`);
	await page.fill('input[name="email"]', options.account.email);
	await page.fill('input[name="password"]', options.account.password);
	await page.click('button[type="submit"]');
	await page.waitForURL("**/pro");
	await page.close();
	return {
		tempDir,
		tdb,
		server,
		baseUrl: server.baseUrl,
		browser,
		context,
		close: async () => {
			await browser.close();
			await server.stop();
			await tdb.close();
			rmSync(tempDir, { recursive: true, force: true });
		},
	};
}
