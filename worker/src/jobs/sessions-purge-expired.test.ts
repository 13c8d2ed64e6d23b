import { randomBytes } from "node:crypto";
import { createLogger } from "@focus-racer/core";
import { sessions, users } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredSessions } from "./sessions-purge-expired.ts";

let tdb: TestDatabase;
const log = createLogger({ LOG_LEVEL: "silent" }, "test");

beforeAll(async () => {
	tdb = await createTestDatabase();
});

afterAll(async () => {
	await tdb?.close();
});

async function createUserWithSessions(expiresAt: Date[]): Promise<{ userId: string; sessionIds: string[] }> {
	const [user] = await tdb.db
		.insert(users)
		.values({
			email: `purge-${randomBytes(5).toString("hex")}@test.example`,
			name: "Purge Test",
			passwordHash: "not-a-real-hash",
		})
		.returning({ id: users.id });
	if (!user) throw new Error("user insert returned nothing");
	const sessionIds = expiresAt.map(() => randomBytes(32).toString("hex"));
	await tdb.db
		.insert(sessions)
		.values(expiresAt.map((at, i) => ({ id: sessionIds[i] ?? "", userId: user.id, expiresAt: at })));
	return { userId: user.id, sessionIds };
}

describe("sessions.purge-expired", () => {
	it("deletes only the expired sessions, and a second run is harmless", async () => {
		const hour = 3600_000;
		const { userId, sessionIds } = await createUserWithSessions([
			new Date(Date.now() - hour),
			new Date(Date.now() + 30 * 24 * hour),
		]);
		const [expiredId, liveId] = sessionIds;

		const first = await purgeExpiredSessions({}, { db: tdb.db, log });
		expect(first).toEqual({ deleted: 1 });

		const left = await tdb.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
		expect(left.map((s) => s.id)).toEqual([liveId]);
		expect(left.map((s) => s.id)).not.toContain(expiredId);

		const second = await purgeExpiredSessions({}, { db: tdb.db, log });
		expect(second).toEqual({ deleted: 0 });
		const after = await tdb.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
		expect(after.map((s) => s.id)).toEqual([liveId]);
		// The user itself is untouched.
		expect(await tdb.db.select({ id: users.id }).from(users).where(eq(users.id, userId))).toHaveLength(1);
	});
});
