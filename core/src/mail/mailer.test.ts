import { randomUUID } from "node:crypto";
import { emailOutbox } from "@focus-racer/db";
import { createTestDatabase, type TestDatabase } from "@focus-racer/db/testing";
import { freePort } from "@focus-racer/db/testing/free-port";
import { and, eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, type Mailer } from "./mailer.ts";
import { decodeQuotedPrintable, startTestSmtpServer, type TestSmtpServer } from "./smtp-server.testkit.ts";

const from = "Focus Racer <no-reply@test.example>";

/** A pino logger whose lines land in an array instead of stdout. */
function capturingLogger() {
	const lines: Record<string, unknown>[] = [];
	const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
	return { logger, lines };
}

async function outboxRow(id: string) {
	const [row] = await tdb.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
	if (!row) throw new Error(`no email_outbox row ${id}`);
	return row;
}

let tdb: TestDatabase;
let smtp: TestSmtpServer;
const mailers: Mailer[] = [];
beforeAll(async () => {
	[tdb, smtp] = await Promise.all([
		createTestDatabase(),
		startTestSmtpServer({ rejectRecipient: "nobody@test.example" }),
	]);
});
afterAll(async () => {
	for (const mailer of mailers) mailer.close();
	await Promise.all([tdb?.close(), smtp?.close()]);
});

function mailer(smtpUrl: string | undefined) {
	const { logger, lines } = capturingLogger();
	const created = createMailer({ db: tdb.db, smtpUrl, from, logger });
	mailers.push(created);
	return { mailer: created, lines };
}

describe("createMailer with SMTP", () => {
	it("writes the mail to email_outbox, hands it to the server and marks it sent", async () => {
		const { mailer: m } = mailer(smtp.url);
		const before = smtp.received.length;
		const result = await m.send({
			to: "runner@test.example",
			subject: "Your photos of the Marathon",
			text: "Merci Zoé! Download: https://photos.test.example/d/abc123",
			html: "<p>Merci Zoé!</p>",
			kind: "order.receipt",
			reference: randomUUID(),
		});

		expect(result).toMatchObject({ delivered: true, duplicate: false });
		const row = await outboxRow(result.id);
		expect(row.sentAt).toBeInstanceOf(Date);
		expect(row.lastError).toBeNull();
		expect(row.html).toBe("<p>Merci Zoé!</p>");

		expect(smtp.received).toHaveLength(before + 1);
		const message = smtp.received.at(-1);
		expect(message?.from).toBe("no-reply@test.example");
		expect(message?.to).toEqual(["runner@test.example"]);
		expect(message?.raw).toMatch(/^Subject: Your photos of the Marathon\r?$/m);
		expect(message?.raw).toMatch(/^From: Focus Racer <no-reply@test\.example>\r?$/m);
		const body = decodeQuotedPrintable(message?.raw ?? "");
		expect(body).toContain("Merci Zoé! Download: https://photos.test.example/d/abc123");
		expect(body).toContain("<p>Merci Zoé!</p>");
	});

	it("resolves delivered:false with lastError stored when the server refuses the recipient", async () => {
		const { mailer: m, lines } = mailer(smtp.url);
		const result = await m.send({ to: "nobody@test.example", subject: "Hi", text: "Hello", kind: "test" });

		expect(result.delivered).toBe(false);
		const row = await outboxRow(result.id);
		expect(row.sentAt).toBeNull();
		expect(row.lastError).toContain("550");
		expect(lines.some((l) => l.level === 40 && l.mailId === result.id)).toBe(true);
	});
});

describe("createMailer with the SMTP server down", () => {
	it("never throws: the row keeps the connection error and a warning is logged", async () => {
		// Nothing listens there: every connection is refused.
		const { mailer: m, lines } = mailer(`smtp://127.0.0.1:${await freePort()}`);
		const result = await m.send({
			to: "runner@test.example",
			subject: "Receipt",
			text: "Paid",
			kind: "order.receipt",
			reference: randomUUID(),
		});

		expect(result).toMatchObject({ delivered: false, duplicate: false });
		const row = await outboxRow(result.id);
		expect(row.sentAt).toBeNull();
		expect(row.lastError).toMatch(/ECONNREFUSED/);
		const warning = lines.find((l) => l.level === 40);
		expect(warning).toMatchObject({ mailId: result.id, to: "runner@test.example", kind: "order.receipt" });
	});
});

describe("createMailer without SMTP", () => {
	it("keeps the mail unsent in email_outbox and logs its recipient, subject and text", async () => {
		const { mailer: m, lines } = mailer(undefined);
		const result = await m.send({
			to: "runner@test.example",
			subject: "Your download link",
			text: "https://photos.test.example/d/xyz789",
			kind: "order.receipt",
		});

		expect(result).toMatchObject({ delivered: false, duplicate: false });
		const row = await outboxRow(result.id);
		expect(row).toMatchObject({ to: "runner@test.example", sentAt: null, lastError: null, reference: null });
		const line = lines.find((l) => l.mailId === result.id);
		expect(line).toMatchObject({
			level: 30,
			to: "runner@test.example",
			subject: "Your download link",
			text: "https://photos.test.example/d/xyz789",
		});
	});
});

describe("sendOnce", () => {
	it("sends nothing the second time and returns the first mail's id", async () => {
		const { mailer: m } = mailer(smtp.url);
		const mail = {
			to: "buyer@test.example",
			subject: "Receipt",
			text: "Thanks",
			kind: "order.receipt",
			reference: randomUUID(),
		};
		const before = smtp.received.length;

		const first = await m.sendOnce(mail);
		const second = await m.sendOnce({ ...mail, text: "Thanks again" });

		expect(first).toMatchObject({ delivered: true, duplicate: false });
		expect(second).toEqual({ id: first.id, delivered: false, duplicate: true });
		expect(smtp.received).toHaveLength(before + 1);
		const rows = await tdb.db
			.select({ id: emailOutbox.id })
			.from(emailOutbox)
			.where(and(eq(emailOutbox.kind, mail.kind), eq(emailOutbox.reference, mail.reference)));
		expect(rows).toEqual([{ id: first.id }]);
	});

	it("writes one row when two replays race", async () => {
		const { mailer: m } = mailer(undefined);
		const mail = {
			to: "buyer@test.example",
			subject: "Receipt",
			text: "Thanks",
			kind: "order.receipt",
			reference: randomUUID(),
		};

		const results = await Promise.all([m.sendOnce(mail), m.sendOnce(mail), m.sendOnce(mail)]);

		expect(new Set(results.map((r) => r.id)).size).toBe(1);
		expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
		const rows = await tdb.db.select().from(emailOutbox).where(eq(emailOutbox.reference, mail.reference));
		expect(rows).toHaveLength(1);
	});

	it("keys on kind and reference together", async () => {
		const { mailer: m } = mailer(undefined);
		const reference = randomUUID();
		const receipt = await m.sendOnce({
			to: "a@test.example",
			subject: "s",
			text: "t",
			kind: "order.receipt",
			reference,
		});
		const refund = await m.sendOnce({
			to: "a@test.example",
			subject: "s",
			text: "t",
			kind: "order.refund",
			reference,
		});
		expect(refund.id).not.toBe(receipt.id);
		expect(refund.duplicate).toBe(false);
	});
});
