import { relations, sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { faceClusters, faces } from "./faces.ts";
import { marketplaceListings } from "./marketplace.ts";
import { orders } from "./orders.ts";
import { organisations } from "./organisations.ts";
import { photoBibs } from "./photo-bibs.ts";
import { photos } from "./photos.ts";
import { pricePacks } from "./price-packs.ts";
import { startListEntries, startListSources } from "./start-lists.ts";
import { cameraClockOffsets, timingRecords } from "./timing.ts";
import { uploadBatches } from "./uploads.ts";
import { users } from "./users.ts";

/** Drives the icon, the default fun facts and the public filters; "other" keeps it open. */
export const sportTypes = [
	"running",
	"trail",
	"triathlon",
	"cycling",
	"mountain_bike",
	"swimming",
	"obstacle",
	"ski",
	"walking",
	"other",
] as const;
export type SportType = (typeof sportTypes)[number];
export const sportType = pgEnum("sport_type", sportTypes);

/** Only `public` events are listed and searchable; `archived` stays reachable for buyers' links. */
export const eventVisibilities = ["draft", "public", "archived"] as const;
export type EventVisibility = (typeof eventVisibilities)[number];
export const eventVisibility = pgEnum("event_visibility", eventVisibilities);

export const events = pgTable(
	"events",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		/** The public URL's path segment; lower-case kebab, unique across the platform. */
		slug: text("slug").notNull(),
		name: text("name").notNull(),
		/** The race day (a calendar date, no time): shown as is, in every time zone. */
		date: date("date", { mode: "string" }).notNull(),
		/**
		 * IANA zone of the race. EXIF DateTimeOriginal has no zone: chrono sync reads it in this
		 * zone to compare with timing records.
		 */
		timezone: text("timezone").notNull().default("Europe/Paris"),
		place: text("place").notNull(),
		sportType: sportType("sport_type").notNull().default("running"),
		description: text("description"),
		/** Storage keys under `events/{id}/branding/…`; never URLs. */
		posterKey: text("poster_key"),
		logoKey: text("logo_key"),
		primaryColor: text("primary_color"),
		secondaryColor: text("secondary_color"),
		/** Replaces the platform watermark (platform_settings) on this event's thumbnails when set. */
		watermarkKey: text("watermark_key"),
		visibility: eventVisibility("visibility").notNull().default("draft"),
		/** The pro who created the event, sells its photos and receives the payouts. */
		ownerId: uuid("owner_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** The race organizer's account, when the organizer is on the platform (not the seller). */
		organizerId: uuid("organizer_id").references(() => users.id, { onDelete: "set null" }),
		/** The agency/club/federation the event is run for: its members may upload and sort. */
		organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		uniqueIndex("events_slug_key").on(t.slug),
		index("events_owner_idx").on(t.ownerId),
		index("events_organizer_idx").on(t.organizerId),
		index("events_organisation_idx").on(t.organisationId),
		// Home page "latest public events" and the public listing.
		index("events_visibility_date_idx").on(t.visibility, t.date),
		check("events_primary_color_hex", sql`${t.primaryColor} ~ '^#[0-9a-fA-F]{6}$'`),
		check("events_secondary_color_hex", sql`${t.secondaryColor} ~ '^#[0-9a-fA-F]{6}$'`),
	],
);

export const eventsRelations = relations(events, ({ one, many }) => ({
	owner: one(users, { fields: [events.ownerId], references: [users.id], relationName: "eventOwner" }),
	organizer: one(users, {
		fields: [events.organizerId],
		references: [users.id],
		relationName: "eventOrganizer",
	}),
	organisation: one(organisations, { fields: [events.organisationId], references: [organisations.id] }),
	startListEntries: many(startListEntries),
	startListSources: many(startListSources),
	pricePacks: many(pricePacks),
	uploadBatches: many(uploadBatches),
	photos: many(photos),
	photoBibs: many(photoBibs),
	faces: many(faces),
	faceClusters: many(faceClusters),
	orders: many(orders),
	timingRecords: many(timingRecords),
	cameraClockOffsets: many(cameraClockOffsets),
	marketplaceListings: many(marketplaceListings),
}));

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
