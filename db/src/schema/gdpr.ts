import { relations } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

export const gdprRequestKinds = ["access", "deletion"] as const;
export type GdprRequestKind = (typeof gdprRequestKinds)[number];
export const gdprRequestKind = pgEnum("gdpr_request_kind", gdprRequestKinds);

export const gdprRequestStatuses = ["pending", "processing", "completed", "rejected"] as const;
export type GdprRequestStatus = (typeof gdprRequestStatuses)[number];
export const gdprRequestStatus = pgEnum("gdpr_request_status", gdprRequestStatuses);

/**
 * A person's access or deletion request (account or public form). Kept after the deletion it
 * asked for (userId becomes null) as the proof it was handled; the audit log has the details.
 */
export const gdprRequests = pgTable(
	"gdpr_requests",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
		email: text("email").notNull(),
		name: text("name"),
		kind: gdprRequestKind("kind").notNull(),
		status: gdprRequestStatus("status").notNull().default("pending"),
		/** The requester's words (which event, which bib, what to remove). */
		message: text("message"),
		/** Access requests: the export archive handed to the person (`gdpr/{requestId}/…`). */
		exportKey: text("export_key"),
		adminNote: text("admin_note"),
		processedAt: timestamp("processed_at", { withTimezone: true }),
		processedById: uuid("processed_by_id").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		index("gdpr_requests_status_created_idx").on(t.status, t.createdAt),
		index("gdpr_requests_user_idx").on(t.userId),
		index("gdpr_requests_email_idx").on(t.email),
		index("gdpr_requests_processed_by_idx").on(t.processedById),
	],
);

export const gdprRequestsRelations = relations(gdprRequests, ({ one }) => ({
	user: one(users, {
		fields: [gdprRequests.userId],
		references: [users.id],
		relationName: "gdprRequestUser",
	}),
	processedBy: one(users, {
		fields: [gdprRequests.processedById],
		references: [users.id],
		relationName: "gdprRequestProcessor",
	}),
}));

export type GdprRequest = typeof gdprRequests.$inferSelect;
export type NewGdprRequest = typeof gdprRequests.$inferInsert;
