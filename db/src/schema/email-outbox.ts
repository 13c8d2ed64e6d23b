import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every mail the platform sends, written before it is sent. Without SMTP_URL this table (and
 * the log) is where mails end up, so a self-hosted site without a mail server still shows the
 * download link; with SMTP_URL a row is marked sent, or keeps its last error for a retry.
 */
export const emailOutbox = pgTable(
	"email_outbox",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		to: text("to").notNull(),
		subject: text("subject").notNull(),
		text: text("text").notNull(),
		html: text("html"),
		/** Why it was sent, e.g. "order.receipt"; with `reference`, what it is about. */
		kind: text("kind").notNull(),
		reference: text("reference"),
		sentAt: timestamp("sent_at", { withTimezone: true }),
		lastError: text("last_error"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index("email_outbox_created_idx").on(t.createdAt),
		index("email_outbox_kind_ref_idx").on(t.kind, t.reference),
	],
);

export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
