import { sessionIdFromToken } from "@focus-racer/core";
import { sessions } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/factories.ts";
import { cookieFrom, createTestApp } from "../../testing/test-app.ts";

type Me = { id: string; email: string; role: string; name: string } | null;

let tdb: TestDatabase;
let t: ReturnType<typeof createTestApp>;

beforeAll(async () => {
	tdb = await createTestDatabase();
	t = createTestApp(tdb.db);
});
afterAll(() => tdb.close());

async function login(email: string, password: string) {
	const res = await t.call<{ user: Me }>("mutation", "auth.login", { email, password });
	return { res, cookie: res.status === 200 ? cookieFrom(res.setCookie) : "" };
}

describe("auth.register", () => {
	it("creates a runner, opens a session cookie and never returns the password hash", async () => {
		const res = await t.call<{ user: Record<string, unknown> }>("mutation", "auth.register", {
			email: "  Lea.Martin@Example.COM ",
			password: "correct horse battery",
			name: "Léa Martin",
		});
		expect(res.status).toBe(200);
		expect(res.data.user).toMatchObject({
			email: "lea.martin@example.com",
			role: "runner",
			name: "Léa Martin",
		});
		expect(JSON.stringify(res.data)).not.toMatch(/password|argon/i);
		expect(res.setCookie).toMatch(/^fr_session=[a-z2-7]{32}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+/);
		const me = await t.call<Me>("query", "auth.me", undefined, { cookie: cookieFrom(res.setCookie) });
		expect(me.data?.email).toBe("lea.martin@example.com");
	});

	it("stores only the SHA-256 of the session token", async () => {
		const res = await t.call("mutation", "auth.register", {
			email: "hash@example.com",
			password: "0123456789ab",
			name: "H",
		});
		const token = cookieFrom(res.setCookie).split("=")[1] ?? "";
		const rows = await tdb.db
			.select()
			.from(sessions)
			.where(eq(sessions.id, sessionIdFromToken(token)));
		expect(rows).toHaveLength(1);
		expect(await tdb.db.select().from(sessions).where(eq(sessions.id, token))).toHaveLength(0);
	});

	it("registers a pro with a pro role", async () => {
		const res = await t.call<{ user: Me }>("mutation", "auth.register", {
			email: "studio@example.com",
			password: "0123456789ab",
			name: "Studio Sprint",
			role: "photographer",
			locale: "en",
		});
		expect(res.data.user?.role).toBe("photographer");
	});

	it("refuses a second account with the same email, whatever its case", async () => {
		await t.call("mutation", "auth.register", {
			email: "dup@example.com",
			password: "0123456789ab",
			name: "A",
		});
		const res = await t.call("mutation", "auth.register", {
			email: "DUP@example.com",
			password: "0123456789ab",
			name: "B",
		});
		expect(res.status).toBe(409);
		expect(res.error?.data.code).toBe("CONFLICT");
	});

	it("refuses self-registration as admin, short passwords and bad emails with clear messages", async () => {
		const admin = await t.call("mutation", "auth.register", {
			email: "boss@example.com",
			password: "0123456789ab",
			name: "X",
			role: "admin",
		});
		expect(admin.status).toBe(400);
		const short = await t.call("mutation", "auth.register", {
			email: "s@example.com",
			password: "short",
			name: "S",
		});
		expect(short.status).toBe(400);
		expect(short.error?.message).toMatch(/at least 10 characters/);
		const email = await t.call("mutation", "auth.register", {
			email: "nope",
			password: "0123456789ab",
			name: "S",
		});
		expect(email.error?.message).toMatch(/valid email/);
	});

	it("names the field of each invalid input, so a form can show it beside that field", async () => {
		const res = await t.call("mutation", "auth.register", { email: "nope", password: "short", name: "S" });
		expect(res.status).toBe(400);
		expect(res.error?.message).toBe("email: Enter a valid email address.");
		expect(res.error?.data.fieldErrors).toEqual({
			email: ["Enter a valid email address."],
			password: [expect.stringMatching(/at least 10 characters/)],
		});
	});
});

describe("auth.login", () => {
	it("logs in with the right password", async () => {
		const u = await createTestUser(tdb.db, { role: "photographer" });
		const { res, cookie } = await login(u.email.toUpperCase(), u.password);
		expect(res.status).toBe(200);
		const me = await t.call<Me>("query", "auth.me", undefined, { cookie });
		expect(me.data?.id).toBe(u.id);
	});

	it("answers a wrong password and an unknown email with the same error", async () => {
		const u = await createTestUser(tdb.db);
		const wrong = (await login(u.email, "not the password")).res;
		const unknown = (await login("nobody-here@example.com", "whatever12345")).res;
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.error?.message).toBe("Invalid email or password.");
		expect(unknown.error?.message).toBe(wrong.error?.message);
		expect(wrong.setCookie).toBeNull();
	});

	it("refuses a deactivated user, and deactivation ends existing sessions", async () => {
		const u = await createTestUser(tdb.db);
		const { cookie } = await login(u.email, u.password);
		const admin = await createTestUser(tdb.db, { role: "admin" });
		const adminCookie = (await login(admin.email, admin.password)).cookie;
		const off = await t.call(
			"mutation",
			"users.setActive",
			{ userId: u.id, isActive: false },
			{ cookie: adminCookie },
		);
		expect(off.status).toBe(200);
		expect((await t.call<Me>("query", "auth.me", undefined, { cookie })).data).toBeNull();
		const again = (await login(u.email, u.password)).res;
		expect(again.status).toBe(403);
		expect(again.error?.message).toMatch(/deactivated/);
		// A wrong password on a deactivated account still says nothing about the account.
		expect((await login(u.email, "wrong password!")).res.error?.message).toBe("Invalid email or password.");
	});

	it("rate-limits login attempts per IP and says when to retry", async () => {
		const limited = createTestApp(tdb.db, { AUTH_RATE_LIMIT: "3", TRUST_PROXY: "true" });
		const attempt = (ip: string) =>
			limited.call("mutation", "auth.login", { email: "x@example.com", password: "wrong-password" }, { ip });
		for (let i = 0; i < 3; i++) expect((await attempt("203.0.113.9")).status).toBe(401);
		const blocked = await attempt("203.0.113.9");
		expect(blocked.status).toBe(429);
		expect(blocked.error?.data.retryAfter).toBeGreaterThan(0);
		// Another IP has its own budget.
		expect((await attempt("203.0.113.10")).status).toBe(401);
	});
});

describe("sessions", () => {
	it("treats an expired session as logged out and deletes it", async () => {
		const u = await createTestUser(tdb.db);
		const { cookie } = await login(u.email, u.password);
		const id = sessionIdFromToken(cookie.split("=")[1] ?? "");
		await tdb.db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.id, id));
		expect((await t.call<Me>("query", "auth.me", undefined, { cookie })).data).toBeNull();
		expect(await tdb.db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(0);
	});

	it("slides the expiry of a session used in the second half of its life", async () => {
		const u = await createTestUser(tdb.db);
		const { cookie } = await login(u.email, u.password);
		const id = sessionIdFromToken(cookie.split("=")[1] ?? "");
		const soon = new Date(Date.now() + 2 * 24 * 3600 * 1000);
		await tdb.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, id));
		const me = await t.call<Me>("query", "auth.me", undefined, { cookie });
		expect(me.data?.id).toBe(u.id);
		expect(me.setCookie).toMatch(/Max-Age=25\d{5}/); // ~30 days again
		const [row] = await tdb.db.select().from(sessions).where(eq(sessions.id, id));
		expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
	});

	it("logout deletes the session and clears the cookie", async () => {
		const u = await createTestUser(tdb.db);
		const { cookie } = await login(u.email, u.password);
		const out = await t.call("mutation", "auth.logout", undefined, { cookie });
		expect(out.setCookie).toMatch(/fr_session=; .*Max-Age=0/);
		expect((await t.call<Me>("query", "auth.me", undefined, { cookie })).data).toBeNull();
	});
});

describe("auth.changePassword", () => {
	it("checks the current password, signs out other devices and keeps this one", async () => {
		const u = await createTestUser(tdb.db);
		const here = (await login(u.email, u.password)).cookie;
		const other = (await login(u.email, u.password)).cookie;
		const bad = await t.call(
			"mutation",
			"auth.changePassword",
			{ currentPassword: "nope", newPassword: "a new long password" },
			{ cookie: here },
		);
		expect(bad.status).toBe(400);
		const ok = await t.call(
			"mutation",
			"auth.changePassword",
			{ currentPassword: u.password, newPassword: "a new long password" },
			{ cookie: here },
		);
		expect(ok.status).toBe(200);
		expect((await t.call<Me>("query", "auth.me", undefined, { cookie: here })).data?.id).toBe(u.id);
		expect((await t.call<Me>("query", "auth.me", undefined, { cookie: other })).data).toBeNull();
		expect((await login(u.email, u.password)).res.status).toBe(401);
		expect((await login(u.email, "a new long password")).res.status).toBe(200);
	});

	it("needs a session", async () => {
		const res = await t.call("mutation", "auth.changePassword", {
			currentPassword: "x",
			newPassword: "0123456789ab",
		});
		expect(res.status).toBe(401);
	});
});

describe("procedure tiers", () => {
	it("keeps pro procedures from runners and anonymous callers", async () => {
		const runner = await createTestUser(tdb.db, { role: "runner" });
		const cookie = (await login(runner.email, runner.password)).cookie;
		const asRunner = await t.call("query", "credits.balance", undefined, { cookie });
		expect(asRunner.status).toBe(403);
		expect(asRunner.error?.data.code).toBe("FORBIDDEN");
		expect((await t.call("query", "credits.balance")).status).toBe(401);
	});

	it("lets every pro role, organizer included, call pro procedures", async () => {
		for (const role of ["photographer", "organizer", "agency", "club", "federation"] as const) {
			const u = await createTestUser(tdb.db, { role });
			const cookie = (await login(u.email, u.password)).cookie;
			const res = await t.call<{ balance: number }>("query", "credits.balance", undefined, { cookie });
			expect(res.status, role).toBe(200);
			expect(res.data.balance).toBe(0);
		}
	});

	it("keeps admin procedures from pros", async () => {
		const pro = await createTestUser(tdb.db, { role: "photographer" });
		const cookie = (await login(pro.email, pro.password)).cookie;
		const res = await t.call("query", "users.list", {}, { cookie });
		expect(res.status).toBe(403);
		const write = await t.call("mutation", "users.setActive", { userId: pro.id, isActive: true }, { cookie });
		expect(write.status).toBe(403);
	});

	it("lets an admin list and filter users", async () => {
		const admin = await createTestUser(tdb.db, { role: "admin" });
		const club = await createTestUser(tdb.db, { role: "club" });
		const cookie = (await login(admin.email, admin.password)).cookie;
		const res = await t.call<{ users: { id: string; role: string }[] }>(
			"query",
			"users.list",
			{ role: "club" },
			{ cookie },
		);
		expect(res.status).toBe(200);
		expect(res.data.users.map((u) => u.id)).toContain(club.id);
		expect(res.data.users.every((u) => u.role === "club")).toBe(true);
		expect(JSON.stringify(res.data)).not.toMatch(/passwordHash/);
	});
});

describe("HTTP security", () => {
	it("refuses cookie-authenticated mutations from another origin or without Origin", async () => {
		const u = await createTestUser(tdb.db);
		const { cookie } = await login(u.email, u.password);
		const body = { currentPassword: u.password, newPassword: "0123456789abcd" };
		const foreign = await t.call("mutation", "auth.changePassword", body, {
			cookie,
			origin: "https://evil.example",
		});
		expect(foreign.status).toBe(403);
		const none = await t.call("mutation", "auth.changePassword", body, { cookie, origin: null });
		expect(none.status).toBe(403);
		expect((await login(u.email, u.password)).res.status).toBe(200); // password unchanged
	});

	it("accepts Bearer-token mutations without Origin (mobile)", async () => {
		const u = await createTestUser(tdb.db);
		const res = await t.call<{ token: string }>("mutation", "auth.login", {
			email: u.email,
			password: u.password,
			session: "token",
		});
		expect(res.setCookie).toBeNull();
		const out = await t.call(
			"mutation",
			"auth.changePassword",
			{ currentPassword: u.password, newPassword: "0123456789abcd" },
			{ bearer: res.data.token, origin: null },
		);
		expect(out.status).toBe(200);
	});

	it("sends security headers", async () => {
		const res = await t.app.request("http://focus-racer.test/healthz");
		expect(res.status).toBe(200);
		expect(res.headers.get("x-frame-options")).toBe("DENY");
		expect(res.headers.get("x-content-type-options")).toBe("nosniff");
		expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
		expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
	});
});
