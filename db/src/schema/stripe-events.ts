import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Stripe webhook events already handled. The handler inserts the event id in the same
 * transaction as its effects; a replay (Stripe retries, at-least-once) hits the primary key and
 * changes nothing.
 */
export const stripeEvents = pgTable(
	"stripe_events",
	{
		/** Stripe's `evt_…` id. */
		id: text("id").primaryKey(),
		type: text("type").notNull(),
		processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("stripe_events_processed_idx").on(t.processedAt)],
);

export type StripeEvent = typeof stripeEvents.$inferSelect;
