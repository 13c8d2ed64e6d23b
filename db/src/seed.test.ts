import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, pricePacks, startListEntries, users } from "./schema/index.ts";
import { demoPassword, seedDemo } from "./seed.ts";
import { createTestDatabase, type TestDatabase } from "./testing/test-database.ts";

// The real argon2 hasher lives in core (which depends on db); the seed takes it as a parameter.
const hashPassword = async (p: string) => `test-hash:${p}`;

let empty: TestDatabase;
let withData: TestDatabase;
beforeAll(async () => {
	empty = await createTestDatabase();
	withData = await createTestDatabase();
});
afterAll(async () => {
	await empty.close();
	await withData.close();
});

describe("seedDemo", () => {
	it("seeds one account per role, a public event with its start list and packs, once", async () => {
		const first = await seedDemo(empty.db, { hashPassword, includeAdmin: true });
		expect(first.seeded).toBe(true);
		expect(first.accounts.map((a) => a.role)).toEqual([
			"runner",
			"photographer",
			"organizer",
			"agency",
			"club",
			"federation",
			"admin",
		]);
		expect(first.accounts.every((a) => a.password === demoPassword)).toBe(true);

		const [event] = await empty.db.select().from(events).where(eq(events.visibility, "public"));
		expect(event?.slug).toBe("trail-des-cretes-2026");
		const entries = await empty.db
			.select()
			.from(startListEntries)
			.where(eq(startListEntries.eventId, event?.id ?? ""));
		expect(entries).toHaveLength(120);
		const packs = await empty.db
			.select()
			.from(pricePacks)
			.where(eq(pricePacks.eventId, event?.id ?? ""));
		expect(packs.map((p) => [p.priceCents, p.photoCount]).sort()).toEqual([
			[1500, 5],
			[2500, null],
			[500, 1],
		]);

		const second = await seedDemo(empty.db, { hashPassword, includeAdmin: true });
		expect(second.seeded).toBe(false);
		expect(second.accounts).toHaveLength(7);
		expect(await empty.db.select().from(events)).toHaveLength(1);
	});

	it("never seeds a database that already has users, and never creates the demo admin there", async () => {
		await withData.db.insert(users).values({ email: "real@example.com", name: "Real", passwordHash: "x" });
		const result = await seedDemo(withData.db, { hashPassword, includeAdmin: false });
		expect(result).toEqual({ seeded: false, accounts: [] });
		expect(await withData.db.select().from(users)).toHaveLength(1);
	});
});
