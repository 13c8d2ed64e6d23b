import { relations } from "drizzle-orm";
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { users } from "./users.ts";

/** Agencies, clubs and federations manage teams of photographers (PRODUCT.md §1). */
export const organisationKinds = ["agency", "club", "federation"] as const;
export const organisationKind = pgEnum("organisation_kind", organisationKinds);

export const membershipRoles = ["owner", "manager", "member"] as const;
export const membershipRole = pgEnum("membership_role", membershipRoles);

export const organisations = pgTable(
	"organisations",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		name: text("name").notNull(),
		kind: organisationKind("kind").notNull(),
		ownerId: uuid("owner_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("organisations_owner_idx").on(t.ownerId)],
);

export const memberships = pgTable(
	"memberships",
	{
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id, { onDelete: "cascade" }),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		role: membershipRole("role").notNull().default("member"),
		joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

/**
 * An invitation to join an organisation, sent by email as a link. Only the token's SHA-256 is
 * stored (like sessions); the link works once, for the invited address, until it expires.
 */
export const organisationInvites = pgTable(
	"organisation_invites",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organisationId: uuid("organisation_id")
			.notNull()
			.references(() => organisations.id, { onDelete: "cascade" }),
		email: text("email").notNull(),
		role: membershipRole("role").notNull().default("member"),
		tokenHash: text("token_hash").notNull(),
		invitedById: uuid("invited_by_id").references(() => users.id, { onDelete: "set null" }),
		expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
		acceptedAt: timestamp("accepted_at", { withTimezone: true }),
		acceptedById: uuid("accepted_by_id").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("organisation_invites_token_hash_key").on(t.tokenHash),
		index("organisation_invites_organisation_idx").on(t.organisationId),
		index("organisation_invites_invited_by_idx").on(t.invitedById),
		index("organisation_invites_accepted_by_idx").on(t.acceptedById),
	],
);

export type OrganisationInvite = typeof organisationInvites.$inferSelect;

export const organisationsRelations = relations(organisations, ({ one, many }) => ({
	owner: one(users, { fields: [organisations.ownerId], references: [users.id] }),
	memberships: many(memberships),
	events: many(events),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
	organisation: one(organisations, { fields: [memberships.organisationId], references: [organisations.id] }),
	user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export type Organisation = typeof organisations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
