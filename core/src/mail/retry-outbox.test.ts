import { randomUUID } from "node:crypto";
import { emailOutbox } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { freePort } from "@focus-racer/db/testing/free-port";
import { eq, inArray } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, type Mailer } from "./mailer.ts";
import { retryUnsentMail } from "./retry-outbox.ts";
import { startTestSmtpServer, type TestSmtpServer } from "./smtp-server.testkit.ts";

const from = "Focus Racer <no-reply@test.example>";
const logger = pino({ level: "silent" });

let tdb: TestDatabase;
let smtp: TestSmtpServer;
let down: Mailer;
let up: Mailer;
let offline: Mailer;
beforeAll(async () => {
	[tdb, smtp] = await Promise.all([createTestDatabase(), startTestSmtpServer()]);
	down = createMailer({ db: tdb.db, smtpUrl: `smtp://127.0.0.1:${await freePort()}`, from, logger });
	up = createMailer({ db: tdb.db, smtpUrl: smtp.url, from, logger });
	offline = createMailer({ db: tdb.db, from, logger });
});
afterAll(async () => {
	for (const m of [down, up, offline]) m?.close();
	await Promise.all([tdb?.close(), smtp?.close()]);
});

describe("retryUnsentMail", () => {
	it("resends the failed mails once they are old enough, and only those", async () => {
		const reference = randomUUID();
		const failed = await Promise.all(
			["a", "b"].map((n) =>
				down.send({ to: `${n}@test.example`, subject: `Retry ${n}`, text: n, kind: "t", reference }),
			),
		);
		const neverTried = await offline.send({
			to: "c@test.example",
			subject: "No SMTP",
			text: "c",
			kind: "t",
			reference,
		});
		expect(failed.map((r) => r.delivered)).toEqual([false, false]);

		// Too recent: left for a later run.
		expect(await retryUnsentMail({ db: tdb.db, mailer: up, olderThanMinutes: 10, limit: 10 })).toEqual({
			tried: 0,
			delivered: 0,
		});

		const received = smtp.received.length;
		expect(await retryUnsentMail({ db: tdb.db, mailer: up, olderThanMinutes: 0, limit: 10 })).toEqual({
			tried: 2,
			delivered: 2,
		});
		expect(
			smtp.received
				.slice(received)
				.flatMap((m) => m.to)
				.sort(),
		).toEqual(["a@test.example", "b@test.example"]);
		const rows = await tdb.db
			.select()
			.from(emailOutbox)
			.where(
				inArray(
					emailOutbox.id,
					failed.map((r) => r.id),
				),
			);
		for (const row of rows) expect(row).toMatchObject({ lastError: null, sentAt: expect.any(Date) });
		const [untouched] = await tdb.db.select().from(emailOutbox).where(eq(emailOutbox.id, neverTried.id));
		expect(untouched).toMatchObject({ sentAt: null, lastError: null });

		// Sent mails are not sent again.
		expect(await retryUnsentMail({ db: tdb.db, mailer: up, olderThanMinutes: 0, limit: 10 })).toEqual({
			tried: 0,
			delivered: 0,
		});
	});

	it("keeps the error of a mail that fails again and gives up past maxAgeHours", async () => {
		const { id } = await down.send({ to: "d@test.example", subject: "Again", text: "d", kind: "t" });
		const first = await tdb.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
		expect(await retryUnsentMail({ db: tdb.db, mailer: down, olderThanMinutes: 0, limit: 10 })).toEqual({
			tried: 1,
			delivered: 0,
		});
		const [after] = await tdb.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
		expect(after?.lastError).toMatch(/ECONNREFUSED/);
		expect(first[0]?.sentAt).toBeNull();

		await tdb.db
			.update(emailOutbox)
			.set({ createdAt: new Date(Date.now() - 80 * 3_600_000) })
			.where(eq(emailOutbox.id, id));
		expect(await retryUnsentMail({ db: tdb.db, mailer: up, olderThanMinutes: 0, limit: 10 })).toEqual({
			tried: 0,
			delivered: 0,
		});
	});
});
