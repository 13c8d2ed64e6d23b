import { relations, sql } from "drizzle-orm";
import {
	boolean,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";
import { creditSubscriptions, creditTransactions } from "./credits.ts";
import { events } from "./events.ts";
import { favorites } from "./favorites.ts";
import { gdprRequests } from "./gdpr.ts";
import { locale } from "./locales.ts";
import { marketplaceApplications, marketplaceListings, marketplaceReviews } from "./marketplace.ts";
import { orders } from "./orders.ts";
import { memberships, organisations } from "./organisations.ts";
import { photos } from "./photos.ts";
import { supportThreads } from "./support.ts";
import { uploadBatches } from "./uploads.ts";

/** Every role of PRODUCT.md §1. Pro roles sell photos; the organizer uses the same tools. */
export const userRoles = [
	"runner",
	"photographer",
	"organizer",
	"agency",
	"club",
	"federation",
	"admin",
] as const;
export type UserRole = (typeof userRoles)[number];
export const userRole = pgEnum("user_role", userRoles);

/** Roles allowed in the pro space (proProcedure). */
export const proRoles = [
	"photographer",
	"organizer",
	"agency",
	"club",
	"federation",
] as const satisfies readonly UserRole[];
export type ProRole = (typeof proRoles)[number];

export { type Locale, locale, locales } from "./locales.ts";

export const users = pgTable(
	"users",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		/** Stored lower-cased and trimmed; uniqueness is on that form. */
		email: text("email").notNull(),
		name: text("name").notNull(),
		role: userRole("role").notNull().default("runner"),
		passwordHash: text("password_hash").notNull(),
		phone: text("phone"),
		company: text("company"),
		locale: locale("locale").notNull().default("fr"),
		isActive: boolean("is_active").notNull().default(true),
		/** Cached sum of credit_transactions.amount, updated in the same transaction as each movement. */
		creditsBalance: integer("credits_balance").notNull().default(0),
		stripeCustomerId: text("stripe_customer_id"),
		stripeAccountId: text("stripe_account_id"),
		stripeChargesEnabled: boolean("stripe_charges_enabled").notNull().default(false),
		stripePayoutsEnabled: boolean("stripe_payouts_enabled").notNull().default(false),
		stripeDetailsSubmitted: boolean("stripe_details_submitted").notNull().default(false),
		lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		uniqueIndex("users_email_key").on(t.email),
		index("users_role_idx").on(t.role),
		uniqueIndex("users_stripe_account_key")
			.on(t.stripeAccountId)
			.where(sql`${t.stripeAccountId} is not null`),
	],
);

export const usersRelations = relations(users, ({ many }) => ({
	sessions: many(sessions),
	memberships: many(memberships),
	ownedOrganisations: many(organisations),
	ownedEvents: many(events, { relationName: "eventOwner" }),
	organizedEvents: many(events, { relationName: "eventOrganizer" }),
	uploadBatches: many(uploadBatches),
	uploadedPhotos: many(photos),
	orders: many(orders, { relationName: "orderBuyer" }),
	sales: many(orders, { relationName: "orderSeller" }),
	creditTransactions: many(creditTransactions, { relationName: "creditTransactionUser" }),
	creditSubscriptions: many(creditSubscriptions),
	favorites: many(favorites),
	supportThreads: many(supportThreads, { relationName: "supportThreadUser" }),
	gdprRequests: many(gdprRequests, { relationName: "gdprRequestUser" }),
	marketplaceListings: many(marketplaceListings),
	marketplaceApplications: many(marketplaceApplications),
	reviewsGiven: many(marketplaceReviews, { relationName: "reviewsGiven" }),
	reviewsReceived: many(marketplaceReviews, { relationName: "reviewsReceived" }),
}));

/**
 * Sessions the lucia way: the client holds a random token, we store only the hex SHA-256 of it,
 * so a database leak does not leak usable sessions.
 */
export const sessions = pgTable(
	"sessions",
	{
		id: text("id").primaryKey(),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
		userAgent: text("user_agent"),
		ip: text("ip"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const sessionsRelations = relations(sessions, ({ one }) => ({
	user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
