import { type Db, emailOutbox } from "@focus-racer/db";
import { and, asc, gte, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Mailer } from "./mailer.ts";

export interface RetryUnsentMailOptions {
	db: Db;
	mailer: Pick<Mailer, "deliver">;
	/** Only mails written at least this long ago, so a server that just failed gets some rest. */
	olderThanMinutes: number;
	/** At most this many mails per run. */
	limit: number;
	/**
	 * Mails older than this are given up on: without an attempt counter, a bad address would
	 * otherwise be retried on every run forever. Default 72 hours.
	 */
	maxAgeHours?: number;
}

/**
 * Sends again the mails whose SMTP delivery failed (sentAt null, lastError set), oldest first.
 * Mails never tried (no SMTP_URL) have no lastError and are left alone. Returns how many were
 * tried and how many went out; `tried` is 0 when another process is already retrying.
 */
export async function retryUnsentMail(
	options: RetryUnsentMailOptions,
): Promise<{ tried: number; delivered: number }> {
	const { db, mailer, olderThanMinutes, limit, maxAgeHours = 72 } = options;
	// The lock lives as long as this transaction, so two processes on a timer never send one mail twice.
	return db.transaction(async (tx) => {
		const [lock] = await tx.execute<{ locked: boolean }>(
			sql`select pg_try_advisory_xact_lock(hashtext('email_outbox:retry')) as locked`,
		);
		if (!lock?.locked) return { tried: 0, delivered: 0 };
		const now = Date.now();
		const rows = await tx
			.select({
				id: emailOutbox.id,
				to: emailOutbox.to,
				subject: emailOutbox.subject,
				text: emailOutbox.text,
				html: emailOutbox.html,
				kind: emailOutbox.kind,
				reference: emailOutbox.reference,
			})
			.from(emailOutbox)
			.where(
				and(
					isNull(emailOutbox.sentAt),
					isNotNull(emailOutbox.lastError),
					lte(emailOutbox.createdAt, new Date(now - olderThanMinutes * 60_000)),
					gte(emailOutbox.createdAt, new Date(now - maxAgeHours * 3_600_000)),
				),
			)
			.orderBy(asc(emailOutbox.createdAt))
			.limit(limit);
		let delivered = 0;
		// One at a time: the pool would queue them anyway, and a dead server fails the first quickly.
		for (const row of rows) {
			if (await mailer.deliver(row)) delivered++;
		}
		return { tried: rows.length, delivered };
	});
}
