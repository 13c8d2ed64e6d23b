import { relations, sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { orderItems } from "./orders.ts";

/** What runners can buy on an event: "1 photo 5 €", "5 photos 15 €", "all my photos 25 €". */
export const pricePacks = pgTable(
	"price_packs",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		priceCents: integer("price_cents").notNull(),
		/** Photos included; null = unlimited, i.e. every photo of one runner (bib). */
		photoCount: integer("photo_count"),
		sortOrder: integer("sort_order").notNull().default(0),
		/** Inactive packs stay for the orders that reference them but are no longer offered. */
		isActive: boolean("is_active").notNull().default(true),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		index("price_packs_event_sort_idx").on(t.eventId, t.sortOrder),
		check("price_packs_price_non_negative", sql`${t.priceCents} >= 0`),
		check("price_packs_photo_count_positive", sql`${t.photoCount} > 0`),
	],
);

export const pricePacksRelations = relations(pricePacks, ({ one, many }) => ({
	event: one(events, { fields: [pricePacks.eventId], references: [events.id] }),
	orderItems: many(orderItems),
}));

export type PricePack = typeof pricePacks.$inferSelect;
export type NewPricePack = typeof pricePacks.$inferInsert;
