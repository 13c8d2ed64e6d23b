import { relations, sql } from "drizzle-orm";
import {
	boolean,
	check,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/**
 * purchase: a credit pack (Checkout session) · subscription: a monthly renewal (invoice) ·
 * photo_charge: 1 credit per accepted photo · admin_adjustment: manual, with a note ·
 * refund: credits given back (e.g. a charge reversed by an admin).
 */
export const creditTransactionKinds = [
	"purchase",
	"subscription",
	"photo_charge",
	"admin_adjustment",
	"refund",
] as const;
export type CreditTransactionKind = (typeof creditTransactionKinds)[number];
export const creditTransactionKind = pgEnum("credit_transaction_kind", creditTransactionKinds);

/**
 * Every credit movement. users.creditsBalance is updated in the same transaction and always
 * equals the sum of amounts. The balance may dip below zero when concurrent batches race past
 * the pre-upload check: a charge never fails a photo job.
 */
export const creditTransactions = pgTable(
	"credit_transactions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** Positive credits in, negative out. */
		amount: integer("amount").notNull(),
		kind: creditTransactionKind("kind").notNull(),
		/**
		 * What caused it, per kind: the photo id (photo_charge, refund of a photo), the Stripe
		 * Checkout session id (purchase), the Stripe invoice id (subscription); null for admin
		 * adjustments. Unique per kind: a retried job or a replayed webhook inserts nothing.
		 */
		reference: text("reference"),
		/** users.creditsBalance right after this movement, for the history view. */
		balanceAfter: integer("balance_after").notNull(),
		note: text("note"),
		/** The admin who made an adjustment. */
		createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("credit_transactions_kind_reference_key").on(t.kind, t.reference),
		index("credit_transactions_user_created_idx").on(t.userId, t.createdAt),
		index("credit_transactions_created_by_idx").on(t.createdById),
		check("credit_transactions_amount_non_zero", sql`${t.amount} <> 0`),
	],
);

export const creditTransactionsRelations = relations(creditTransactions, ({ one }) => ({
	user: one(users, {
		fields: [creditTransactions.userId],
		references: [users.id],
		relationName: "creditTransactionUser",
	}),
	createdBy: one(users, {
		fields: [creditTransactions.createdById],
		references: [users.id],
		relationName: "creditTransactionCreator",
	}),
}));

/**
 * A pro's monthly credit plan, mirrored from Stripe webhooks. Each paid invoice adds a
 * `subscription` credit transaction referencing the invoice.
 */
export const creditSubscriptions = pgTable(
	"credit_subscriptions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		stripeSubscriptionId: text("stripe_subscription_id").notNull(),
		/** Plan key from core's credit catalogue (e.g. "monthly-20000"). */
		plan: text("plan").notNull(),
		creditsPerPeriod: integer("credits_per_period").notNull(),
		priceCents: integer("price_cents").notNull(),
		/** Stripe's own status string (active, past_due, canceled, …): text because Stripe owns that set. */
		status: text("status").notNull(),
		currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
		cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		uniqueIndex("credit_subscriptions_stripe_subscription_key").on(t.stripeSubscriptionId),
		index("credit_subscriptions_user_idx").on(t.userId),
	],
);

export const creditSubscriptionsRelations = relations(creditSubscriptions, ({ one }) => ({
	user: one(users, { fields: [creditSubscriptions.userId], references: [users.id] }),
}));

export type CreditTransaction = typeof creditTransactions.$inferSelect;
export type NewCreditTransaction = typeof creditTransactions.$inferInsert;
export type CreditSubscription = typeof creditSubscriptions.$inferSelect;
