import { emailOutbox, events } from "@focus-racer/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../../testing/factories.ts";
import { createShopEvent } from "../../testing/shop-fixture.ts";
import { trpcCaller } from "../../testing/test-app.ts";
import { createUploadHarness, loginCookie, type UploadHarness } from "../../testing/upload-harness.ts";

let h: UploadHarness;
beforeAll(async () => {
	h = await createUploadHarness();
});
afterAll(() => h.close());

function call<T>(kind: "query" | "mutation", path: string, input?: unknown, cookie?: string) {
	return trpcCaller(h.app)<T>(kind, path, input, cookie);
}

async function inviteLinkTo(email: string): Promise<string> {
	const [mail] = await h.tdb.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
	const token = /\/invites\/([a-z2-7]+)/.exec(mail?.text ?? "")?.[1];
	if (!token) throw new Error(`no invitation mail to ${email}`);
	return token;
}

type Team = {
	id: string;
	myRole: string;
	members: Array<{ userId: string; role: string; photos: number; ready: number; withBib: number }>;
	invites: Array<{ email: string }>;
};

describe("teams", () => {
	let agency: TestUser;
	let agencyCookie: string;
	let teamId: string;

	beforeAll(async () => {
		agency = await createTestUser(h.tdb.db, { role: "agency" });
		agencyCookie = await loginCookie(h.app, agency);
		const created = await call<{ id: string }>(
			"mutation",
			"teams.create",
			{ name: "Photo Alpes", kind: "agency" },
			agencyCookie,
		);
		teamId = created.data.id;
	});

	it("invites a photographer by email link; only that account can join, once", async () => {
		const photographer = await createTestUser(h.tdb.db, { role: "photographer" });
		const invited = await call(
			"mutation",
			"teams.invite",
			{ organisationId: teamId, email: photographer.email },
			agencyCookie,
		);
		expect(invited.code).toBeUndefined();
		const token = await inviteLinkTo(photographer.email);
		const someoneElse = await loginCookie(h.app, await createTestUser(h.tdb.db, { role: "photographer" }));
		const wrong = await call("mutation", "teams.acceptInvite", { token }, someoneElse);
		expect(wrong.code).toBe("FORBIDDEN");
		const cookie = await loginCookie(h.app, photographer);
		expect((await call("mutation", "teams.acceptInvite", { token }, cookie)).code).toBeUndefined();
		expect((await call("mutation", "teams.acceptInvite", { token }, cookie)).code).toBe("CONFLICT");
		const theirs = await call<Team[]>("query", "teams.mine", undefined, cookie);
		expect(theirs.data).toEqual([expect.objectContaining({ id: teamId, myRole: "member", invites: [] })]);
		// A member does not run the team.
		const byMember = await call(
			"mutation",
			"teams.invite",
			{ organisationId: teamId, email: "x@example.com" },
			cookie,
		);
		expect(byMember.code).toBe("FORBIDDEN");
		const again = await call(
			"mutation",
			"teams.invite",
			{ organisationId: teamId, email: photographer.email },
			agencyCookie,
		);
		expect(again.code).toBe("CONFLICT");
	});

	it("lets members upload into the team's events and shows per-member figures", async () => {
		const member = await createTestUser(h.tdb.db, { role: "photographer" });
		await call("mutation", "teams.invite", { organisationId: teamId, email: member.email }, agencyCookie);
		const cookie = await loginCookie(h.app, member);
		await call("mutation", "teams.acceptInvite", { token: await inviteLinkTo(member.email) }, cookie);
		const shop = await createShopEvent(h, { photos: [["5"], []] });
		await h.tdb.db.update(events).set({ organisationId: teamId }).where(eq(events.id, shop.eventId));
		await h.tdb.db.execute(
			`update photos set uploader_id = '${member.id}' where event_id = '${shop.eventId}'`,
		);
		// Managing the team's events (the upload route checks the same rule).
		const list = await call<{ photos: unknown[] }>("query", "photos.list", { eventId: shop.eventId }, cookie);
		expect(list.data.photos).toHaveLength(2);
		const teams = await call<Team[]>("query", "teams.mine", undefined, agencyCookie);
		const team = teams.data.find((t) => t.id === teamId);
		expect(team?.members.find((m) => m.userId === member.id)).toMatchObject({
			photos: 2,
			ready: 2,
			withBib: 1,
		});
		expect(team?.members.find((m) => m.userId === agency.id)).toMatchObject({ role: "owner" });

		expect(
			(
				await call(
					"mutation",
					"teams.removeMember",
					{ organisationId: teamId, userId: agency.id },
					agencyCookie,
				)
			).code,
		).toBe("BAD_REQUEST");
		await call("mutation", "teams.removeMember", { organisationId: teamId, userId: member.id }, agencyCookie);
		expect((await call("query", "photos.list", { eventId: shop.eventId }, cookie)).code).toBe("NOT_FOUND");
	});

	it("keeps teams to their kind and to their people", async () => {
		const photographer = await loginCookie(h.app, await createTestUser(h.tdb.db, { role: "photographer" }));
		expect(
			(await call("mutation", "teams.create", { name: "Mine", kind: "agency" }, photographer)).code,
		).toBe("FORBIDDEN");
		const club = await loginCookie(h.app, await createTestUser(h.tdb.db, { role: "club" }));
		expect(
			(await call("mutation", "teams.invite", { organisationId: teamId, email: "a@b.fr" }, club)).code,
		).toBe("NOT_FOUND");
		expect((await call("mutation", "teams.acceptInvite", { token: "a".repeat(32) }, club)).code).toBe(
			"NOT_FOUND",
		);
	});
});
