import { relations, sql } from "drizzle-orm";
import {
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { users } from "./users.ts";

/** open: taking applications · filled: a photographer was accepted · closed: withdrawn or moderated. */
export const marketplaceListingStatuses = ["open", "closed", "filled"] as const;
export type MarketplaceListingStatus = (typeof marketplaceListingStatuses)[number];
export const marketplaceListingStatus = pgEnum("marketplace_listing_status", marketplaceListingStatuses);

export const marketplaceApplicationStatuses = ["pending", "accepted", "refused"] as const;
export type MarketplaceApplicationStatus = (typeof marketplaceApplicationStatuses)[number];
export const marketplaceApplicationStatus = pgEnum(
	"marketplace_application_status",
	marketplaceApplicationStatuses,
);

/** An organizer looking for photographers for a race. */
export const marketplaceListings = pgTable(
	"marketplace_listings",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizerId: uuid("organizer_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** The platform event, when the organizer already created it. */
		eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
		title: text("title").notNull(),
		date: date("date", { mode: "string" }).notNull(),
		place: text("place").notNull(),
		budgetCents: integer("budget_cents"),
		/** Free text: how many photographers, which points of the course, delivery expectations. */
		needs: text("needs"),
		status: marketplaceListingStatus("status").notNull().default("open"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		index("marketplace_listings_status_date_idx").on(t.status, t.date),
		index("marketplace_listings_organizer_idx").on(t.organizerId),
		index("marketplace_listings_event_idx").on(t.eventId),
		check("marketplace_listings_budget_non_negative", sql`${t.budgetCents} >= 0`),
	],
);

export const marketplaceListingsRelations = relations(marketplaceListings, ({ one, many }) => ({
	organizer: one(users, { fields: [marketplaceListings.organizerId], references: [users.id] }),
	event: one(events, { fields: [marketplaceListings.eventId], references: [events.id] }),
	applications: many(marketplaceApplications),
	reviews: many(marketplaceReviews),
}));

export const marketplaceApplications = pgTable(
	"marketplace_applications",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		listingId: uuid("listing_id")
			.notNull()
			.references(() => marketplaceListings.id, { onDelete: "cascade" }),
		photographerId: uuid("photographer_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		message: text("message").notNull(),
		rateCents: integer("rate_cents"),
		status: marketplaceApplicationStatus("status").notNull().default("pending"),
		decidedAt: timestamp("decided_at", { withTimezone: true }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		uniqueIndex("marketplace_applications_listing_photographer_key").on(t.listingId, t.photographerId),
		index("marketplace_applications_photographer_idx").on(t.photographerId),
		check("marketplace_applications_rate_non_negative", sql`${t.rateCents} >= 0`),
	],
);

export const marketplaceApplicationsRelations = relations(marketplaceApplications, ({ one }) => ({
	listing: one(marketplaceListings, {
		fields: [marketplaceApplications.listingId],
		references: [marketplaceListings.id],
	}),
	photographer: one(users, { fields: [marketplaceApplications.photographerId], references: [users.id] }),
}));

/** After the event, organizer and accepted photographer review each other once per listing. */
export const marketplaceReviews = pgTable(
	"marketplace_reviews",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		listingId: uuid("listing_id")
			.notNull()
			.references(() => marketplaceListings.id, { onDelete: "cascade" }),
		reviewerId: uuid("reviewer_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		revieweeId: uuid("reviewee_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		rating: smallint("rating").notNull(),
		comment: text("comment"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("marketplace_reviews_listing_reviewer_reviewee_key").on(
			t.listingId,
			t.reviewerId,
			t.revieweeId,
		),
		index("marketplace_reviews_reviewer_idx").on(t.reviewerId),
		// Profile pages: a user's reviews and average rating.
		index("marketplace_reviews_reviewee_idx").on(t.revieweeId),
		check("marketplace_reviews_rating_range", sql`${t.rating} between 1 and 5`),
		check("marketplace_reviews_not_self", sql`${t.reviewerId} <> ${t.revieweeId}`),
	],
);

export const marketplaceReviewsRelations = relations(marketplaceReviews, ({ one }) => ({
	listing: one(marketplaceListings, {
		fields: [marketplaceReviews.listingId],
		references: [marketplaceListings.id],
	}),
	reviewer: one(users, {
		fields: [marketplaceReviews.reviewerId],
		references: [users.id],
		relationName: "reviewsGiven",
	}),
	reviewee: one(users, {
		fields: [marketplaceReviews.revieweeId],
		references: [users.id],
		relationName: "reviewsReceived",
	}),
}));

export type MarketplaceListing = typeof marketplaceListings.$inferSelect;
export type NewMarketplaceListing = typeof marketplaceListings.$inferInsert;
export type MarketplaceApplication = typeof marketplaceApplications.$inferSelect;
export type MarketplaceReview = typeof marketplaceReviews.$inferSelect;
