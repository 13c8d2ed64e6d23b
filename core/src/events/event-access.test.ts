import { randomUUID } from "node:crypto";
import { events, memberships, organisations, type UserRole, users } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { requireEventManager } from "./event-access.ts";

let tdb: TestDatabase;
beforeAll(async () => {
	tdb = await createTestDatabase();
});
afterAll(() => tdb.close());

async function user(role: UserRole) {
	const [row] = await tdb.db
		.insert(users)
		.values({ email: `${randomUUID()}@test.example`, name: role, role, passwordHash: "x" })
		.returning({ id: users.id, role: users.role });
	if (!row) throw new Error("no user");
	return row;
}

describe("requireEventManager", () => {
	it("lets the owner, the organizer, the organisation's members and admins in; nobody else", async () => {
		const [owner, organizer, member, outsider, admin, runner] = await Promise.all([
			user("photographer"),
			user("organizer"),
			user("photographer"),
			user("photographer"),
			user("admin"),
			user("runner"),
		]);
		const [agency] = await tdb.db
			.insert(organisations)
			.values({ name: "Agency", kind: "agency", ownerId: owner.id })
			.returning({ id: organisations.id });
		await tdb.db.insert(memberships).values({ organisationId: agency?.id ?? "", userId: member.id });
		const [event] = await tdb.db
			.insert(events)
			.values({
				slug: randomUUID(),
				name: "E",
				date: "2026-10-18",
				place: "P",
				ownerId: owner.id,
				organizerId: organizer.id,
				organisationId: agency?.id,
			})
			.returning({ id: events.id });
		const eventId = event?.id ?? "";
		for (const u of [owner, organizer, member, admin]) {
			expect((await requireEventManager(tdb.db, { eventId, user: u })).id).toBe(eventId);
		}
		for (const u of [outsider, runner]) {
			const err = await requireEventManager(tdb.db, { eventId, user: u }).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(AppError);
			expect((err as AppError).code).toBe("NOT_FOUND");
		}
	});
});
