import { relations, sql } from "drizzle-orm";
import {
	type AnyPgColumn,
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
import { events } from "./events.ts";
import { locale } from "./locales.ts";
import { photos } from "./photos.ts";
import { pricePacks } from "./price-packs.ts";
import { users } from "./users.ts";

export const orderStatuses = ["pending", "paid", "failed", "refunded", "canceled"] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const orderStatus = pgEnum("order_status", orderStatuses);

/**
 * A runner's purchase on one event, paid by one Stripe PaymentIntent. Orders outlive their
 * event and their buyer (set null): they are the platform's payment history.
 */
export const orders = pgTable(
	"orders",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
		/** Null for a guest checkout (and once the account is deleted). */
		buyerId: uuid("buyer_id").references(() => users.id, { onDelete: "set null" }),
		/** Where the download link goes: the guest's email, or the account's at checkout. */
		buyerEmail: text("buyer_email").notNull(),
		buyerName: text("buyer_name"),
		/** Language of the receipt email (guests have no account to read it from). */
		locale: locale("locale").notNull().default("fr"),
		/** The event owner at checkout: who is paid, whose payouts page lists the order. */
		sellerId: uuid("seller_id").references(() => users.id, { onDelete: "set null" }),
		status: orderStatus("status").notNull().default("pending"),
		subtotalCents: integer("subtotal_cents").notNull(),
		/** 100 with a connected seller (the application fee), 0 when the platform takes it all. */
		serviceFeeCents: integer("service_fee_cents").notNull().default(0),
		totalCents: integer("total_cents").notNull(),
		/** Known from the charge's balance transaction after payment. */
		stripeFeeCents: integer("stripe_fee_cents"),
		/**
		 * What reaches the seller: on a destination charge total − application fee (Stripe takes its
		 * fee from the platform's share); null on a platform charge, where the platform keeps it all.
		 */
		photographerPayoutCents: integer("photographer_payout_cents"),
		/** ISO 4217, lower-case as Stripe writes it. */
		currency: text("currency").notNull().default("eur"),
		stripePaymentIntentId: text("stripe_payment_intent_id"),
		stripeChargeId: text("stripe_charge_id"),
		stripeTransferId: text("stripe_transfer_id"),
		/** The seller's Connect account the charge was destined to; null = platform charge. */
		destinationAccountId: text("destination_account_id"),
		/**
		 * Paid through the explicit test payment of a site without Stripe keys (never in
		 * production): fulfilled like any order, but no money moved, so stats and payouts skip it.
		 */
		isTestPayment: boolean("is_test_payment").notNull().default(false),
		paidAt: timestamp("paid_at", { withTimezone: true }),
		refundedAt: timestamp("refunded_at", { withTimezone: true }),
		/** Set when the download email went out, so a replayed webhook does not send it twice. */
		receiptSentAt: timestamp("receipt_sent_at", { withTimezone: true }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		uniqueIndex("orders_stripe_payment_intent_key").on(t.stripePaymentIntentId),
		index("orders_event_idx").on(t.eventId),
		index("orders_buyer_idx").on(t.buyerId),
		index("orders_buyer_email_idx").on(t.buyerEmail),
		index("orders_seller_idx").on(t.sellerId, t.createdAt),
		// Admin payments list and CSV export.
		index("orders_status_created_idx").on(t.status, t.createdAt),
		check(
			"orders_amounts_valid",
			sql`${t.subtotalCents} >= 0 and ${t.serviceFeeCents} >= 0 and ${t.totalCents} = ${t.subtotalCents} + ${t.serviceFeeCents}`,
		),
	],
);

export const ordersRelations = relations(orders, ({ one, many }) => ({
	event: one(events, { fields: [orders.eventId], references: [events.id] }),
	buyer: one(users, { fields: [orders.buyerId], references: [users.id], relationName: "orderBuyer" }),
	seller: one(users, { fields: [orders.sellerId], references: [users.id], relationName: "orderSeller" }),
	items: many(orderItems),
	downloadTokens: many(downloadTokens),
}));

export const orderItemKinds = ["photo", "pack"] as const;
export type OrderItemKind = (typeof orderItemKinds)[number];
export const orderItemKind = pgEnum("order_item_kind", orderItemKinds);

/**
 * What an order bought. A `photo` row is one photo (the download list is exactly the photo
 * rows); a `pack` row carries the pack price, and the photos it covers are photo rows at 0 cents
 * pointing to it (packItemId). "All my photos" is a pack row with the runner's bib, resolved to
 * photo rows when the order is paid. The sum of unitPriceCents is the order's subtotal.
 */
export const orderItems = pgTable(
	"order_items",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		orderId: uuid("order_id")
			.notNull()
			.references(() => orders.id, { onDelete: "cascade" }),
		kind: orderItemKind("kind").notNull(),
		/** Null once the photo is deleted; the line stays for the accounts. */
		photoId: uuid("photo_id").references(() => photos.id, { onDelete: "set null" }),
		pricePackId: uuid("price_pack_id").references(() => pricePacks.id, { onDelete: "set null" }),
		/** For photo rows bought through a pack: the pack row. */
		packItemId: uuid("pack_item_id").references((): AnyPgColumn => orderItems.id, { onDelete: "cascade" }),
		/** Name of the pack or file at purchase, for receipts after the pack or photo changed. */
		label: text("label").notNull(),
		/** "All my photos": the runner whose photos the pack covers. */
		bib: text("bib"),
		unitPriceCents: integer("unit_price_cents").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		// Also the index of orderId (its prefix).
		uniqueIndex("order_items_order_photo_key").on(t.orderId, t.photoId),
		index("order_items_photo_idx").on(t.photoId),
		index("order_items_price_pack_idx").on(t.pricePackId),
		index("order_items_pack_item_idx").on(t.packItemId),
		check("order_items_price_non_negative", sql`${t.unitPriceCents} >= 0`),
	],
);

export const orderItemsRelations = relations(orderItems, ({ one, many }) => ({
	order: one(orders, { fields: [orderItems.orderId], references: [orders.id] }),
	photo: one(photos, { fields: [orderItems.photoId], references: [photos.id] }),
	pricePack: one(pricePacks, { fields: [orderItems.pricePackId], references: [pricePacks.id] }),
	packItem: one(orderItems, {
		fields: [orderItems.packItemId],
		references: [orderItems.id],
		relationName: "orderItemPack",
	}),
	packPhotos: many(orderItems, { relationName: "orderItemPack" }),
}));

/**
 * The link in the receipt email: the token is random, only its SHA-256 (hex) is stored, like
 * sessions. Each HD file is then served through a 24 h signed URL.
 */
export const downloadTokens = pgTable(
	"download_tokens",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		orderId: uuid("order_id")
			.notNull()
			.references(() => orders.id, { onDelete: "cascade" }),
		tokenHash: text("token_hash").notNull(),
		expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
		downloadCount: integer("download_count").notNull().default(0),
		lastDownloadedAt: timestamp("last_downloaded_at", { withTimezone: true }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("download_tokens_token_hash_key").on(t.tokenHash),
		index("download_tokens_order_idx").on(t.orderId),
		index("download_tokens_expires_idx").on(t.expiresAt),
	],
);

export const downloadTokensRelations = relations(downloadTokens, ({ one }) => ({
	order: one(orders, { fields: [downloadTokens.orderId], references: [orders.id] }),
}));

export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderItem = typeof orderItems.$inferSelect;
export type NewOrderItem = typeof orderItems.$inferInsert;
export type DownloadToken = typeof downloadTokens.$inferSelect;
