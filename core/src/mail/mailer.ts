import { type Db, type EmailOutboxRow, emailOutbox } from "@focus-racer/db";
import { and, eq, sql } from "drizzle-orm";
import { createTransport } from "nodemailer";
import type { Logger } from "../config/logger.ts";

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html?: string | undefined;
	/** Why it is sent, e.g. "order.receipt". */
	kind: string;
	/** What it is about, e.g. the order id; with `kind`, the key of `sendOnce`. */
	reference?: string | undefined;
}

export interface MailResult {
	/** The email_outbox row of the mail. */
	id: string;
	/** Handed to the SMTP server by this call. */
	delivered: boolean;
	/** `sendOnce` only: the mail already had a row, so nothing was written or sent. */
	duplicate: boolean;
}

/** The columns of an email_outbox row that a delivery needs. */
export type OutboxMail = Pick<
	EmailOutboxRow,
	"id" | "to" | "subject" | "text" | "html" | "kind" | "reference"
>;

export interface Mailer {
	/**
	 * Writes the mail to email_outbox, then sends it when SMTP is configured. Never throws
	 * because of SMTP: the action that triggered the mail (a payment…) is already done, and the
	 * row keeps the error for `retryUnsentMail`. Only a database failure rejects.
	 */
	send(mail: OutgoingMail): Promise<MailResult>;
	/**
	 * `send`, unless a mail of the same kind and reference was already written (sent or not):
	 * then its id comes back and nothing happens, so a replayed webhook sends no second receipt.
	 */
	sendOnce(mail: OutgoingMail & { reference: string }): Promise<MailResult>;
	/** Sends a row already in email_outbox and records the outcome; false when not sent. */
	deliver(row: OutboxMail): Promise<boolean>;
	/** Closes the SMTP connections (idle ones would otherwise keep the process alive for minutes). */
	close(): void;
}

export interface MailerOptions {
	db: Db;
	/** smtp:// or smtps:// URL (query parameters are nodemailer options). Unset: mails only go to the outbox and the log. */
	smtpUrl?: string | undefined;
	/** The From header of every mail, e.g. `Focus Racer <no-reply@example.com>`. */
	from: string;
	logger: Logger;
}

/** Longer errors (a server's whole reply…) are cut: the column is read by people, not parsed. */
const maxErrorLength = 1000;

export function createMailer(options: MailerOptions): Mailer {
	const { db, from, logger } = options;
	// One pool for the process: a burst of receipts reuses connections instead of a TLS handshake each.
	// The timeouts are far below nodemailer's (2 and 10 minutes) because callers await the delivery
	// inside a request; the URL's query parameters still override them.
	const transport = options.smtpUrl
		? createTransport({
				pool: true,
				url: options.smtpUrl,
				maxConnections: 3,
				connectionTimeout: 10_000,
				greetingTimeout: 10_000,
				socketTimeout: 30_000,
			})
		: undefined;

	async function deliver(row: OutboxMail): Promise<boolean> {
		const about = { mailId: row.id, to: row.to, kind: row.kind, reference: row.reference ?? undefined };
		if (!transport) {
			// A self-hosted site without a mail server: the log is where the operator finds the link.
			logger.info(
				{ ...about, subject: row.subject, text: row.text },
				"mail not sent (no SMTP_URL), kept in email_outbox",
			);
			return false;
		}
		try {
			await transport.sendMail({
				from,
				to: row.to,
				subject: row.subject,
				text: row.text,
				...(row.html === null ? {} : { html: row.html }),
			});
		} catch (error) {
			const message = (error instanceof Error ? error.message : String(error)).slice(0, maxErrorLength);
			logger.warn({ ...about, err: error }, "mail not delivered, kept in email_outbox for a retry");
			try {
				await db.update(emailOutbox).set({ lastError: message }).where(eq(emailOutbox.id, row.id));
			} catch (dbError) {
				logger.error({ ...about, err: dbError }, "could not record the mail's delivery error");
			}
			return false;
		}
		try {
			await db
				.update(emailOutbox)
				.set({ sentAt: new Date(), lastError: null })
				.where(eq(emailOutbox.id, row.id));
		} catch (dbError) {
			// The mail is out; an unmarked row without lastError is never retried, so no duplicate follows.
			logger.error({ ...about, err: dbError }, "mail delivered but not marked sent");
		}
		return true;
	}

	function values(mail: OutgoingMail) {
		return {
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			html: mail.html ?? null,
			kind: mail.kind,
			reference: mail.reference ?? null,
		};
	}

	async function send(mail: OutgoingMail): Promise<MailResult> {
		const [row] = await db.insert(emailOutbox).values(values(mail)).returning();
		if (!row) throw new Error("email_outbox insert returned no row");
		return { id: row.id, delivered: await deliver(row), duplicate: false };
	}

	async function sendOnce(mail: OutgoingMail & { reference: string }): Promise<MailResult> {
		// The lock makes a concurrent replay wait for this commit and then see the row; it is held only
		// for the check and the insert, not during the SMTP exchange.
		const written = await db.transaction(async (tx) => {
			await tx.execute(
				sql`select pg_advisory_xact_lock(hashtext(${`email_outbox:${mail.kind}:${mail.reference}`}))`,
			);
			const [existing] = await tx
				.select({ id: emailOutbox.id })
				.from(emailOutbox)
				.where(and(eq(emailOutbox.kind, mail.kind), eq(emailOutbox.reference, mail.reference)))
				.limit(1);
			if (existing) return { duplicate: true as const, id: existing.id };
			const [row] = await tx.insert(emailOutbox).values(values(mail)).returning();
			if (!row) throw new Error("email_outbox insert returned no row");
			return { duplicate: false as const, row };
		});
		if (written.duplicate) return { id: written.id, delivered: false, duplicate: true };
		return { id: written.row.id, delivered: await deliver(written.row), duplicate: false };
	}

	return {
		send,
		sendOnce,
		deliver,
		close: () => transport?.close(),
	};
}
