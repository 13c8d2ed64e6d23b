import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/**
 * Append-only record of sensitive actions (admin edits, credit adjustments, GDPR exports and
 * deletions, role changes). Rows survive their actor and target: ids are kept as text, the
 * actor link is set null.
 */
export const auditLog = pgTable(
	"audit_log",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
		/** Dotted verb, e.g. "user.delete", "credits.adjust", "gdpr.deletion.complete". */
		action: text("action").notNull(),
		targetType: text("target_type"),
		/** Text, not a foreign key: the target may be gone (that is often the point). */
		targetId: text("target_id"),
		details: jsonb("details").$type<Record<string, unknown>>(),
		ip: text("ip"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index("audit_log_created_idx").on(t.createdAt),
		index("audit_log_actor_idx").on(t.actorId),
		index("audit_log_target_idx").on(t.targetType, t.targetId),
	],
);

export const auditLogRelations = relations(auditLog, ({ one }) => ({
	actor: one(users, { fields: [auditLog.actorId], references: [users.id] }),
}));

export type AuditLogEntry = typeof auditLog.$inferSelect;
export type NewAuditLogEntry = typeof auditLog.$inferInsert;
