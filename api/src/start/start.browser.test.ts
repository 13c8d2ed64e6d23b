import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { freePort } from "@focus-racer/db/testing/free-port";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Debian's chromium (ARCHITECTURE §7); playwright cannot download its own browser here. */
function findChromium(): string | undefined {
	try {
		return (
			execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
				encoding: "utf8",
			}).trim() || undefined
		);
	} catch {
		return undefined;
	}
}

const chromiumPath = findChromium();
if (!chromiumPath) {
	const message =
		"\n!!! BROWSER TESTS SKIPPED: chromium not found (apt-get install chromium). .ci/run installs it.\n";
	if (process.env.CHROMIUM_REQUIRED) throw new Error(message);
	console.warn(message);
}

const root = fileURLToPath(new URL("../../../", import.meta.url));
const adminEmail = "root-admin@focusracer.example";
const adminPassword = "admin-password-for-tests";

let tdb: TestDatabase;
let server: ChildProcess | undefined;
let baseUrl = "";
let browser: Browser | undefined;
let output = "";

/** Runs `npm start`'s entry point as a user would, against this file's database. */
async function startServer(): Promise<void> {
	const port = await freePort();
	const child = spawn(process.execPath, [path.join(root, "api/src/start/start.ts")], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: tdb.url,
			PORT: String(port),
			HOST: "127.0.0.1",
			DEMO_SEED: "true",
			ADMIN_EMAIL: adminEmail,
			ADMIN_PASSWORD: adminPassword,
			LOG_LEVEL: "warn",
		},
		stdio: ["ignore", "pipe", "pipe"],
	});
	server = child;
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = output.match(/Focus Racer is running at (http:\/\/\S+)/);
			if (match?.[1]) {
				clearTimeout(timer);
				baseUrl = match[1];
				resolve();
			}
		};
		child.stdout?.on("data", onData);
		child.stderr?.on("data", onData);
		child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
	});
}

beforeAll(async () => {
	if (!chromiumPath) return;
	tdb = await createTestDatabase();
	await startServer();
	browser = await chromium.launch({
		executablePath: chromiumPath,
		args: [
			"--headless",
			"--no-sandbox",
			"--disable-gpu",
			"--disable-background-networking",
			"--disable-dev-shm-usage",
		],
	});
}, 180_000);

afterAll(async () => {
	await browser?.close();
	if (server && server.exitCode === null) {
		const exited = new Promise((resolve) => server?.once("exit", resolve));
		server.kill("SIGINT");
		await exited;
	}
	await tdb?.close();
});

describe.skipIf(!chromiumPath)("the site in a real browser (npm start)", () => {
	it("prints the demo logins and runs the worker", () => {
		expect(output).toMatch(/Demo logins:/);
		expect(output).toMatch(/runner\s+runner@focusracer\.example\s+focus-racer-demo/);
		expect(output).toMatch(/Worker: running/);
		// The demo admin is only for the embedded database; here the admin comes from ADMIN_EMAIL.
		expect(output).not.toMatch(/admin@focusracer\.example/);
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
	for (const [email, password, landing] of landings) {
		it(`logs in ${email} and lands on ${landing}`, async () => {
			if (!browser) throw new Error("no browser");
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${baseUrl}/login`);
			await page.fill('input[name="email"]', email);
			await page.fill('input[name="password"]', password);
			await page.click('button[type="submit"]');
			await page.waitForURL(`**${landing}`);
			await expect.poll(() => page.locator("h1").first().textContent()).toBeTruthy();
			await context.close();
		});
	}

	it("answers unknown paths with the 404 page", async () => {
		if (!browser) throw new Error("no browser");
		const page = await browser.newPage();
		await page.goto(`${baseUrl}/no/such/page`);
		await expect.poll(() => page.locator("body").textContent()).toMatch(/404/);
		await page.close();
	});
});
