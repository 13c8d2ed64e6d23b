import { relations } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/** open (new or the person wrote again) → in_progress (an admin answered) → closed (admin). */
export const supportStatuses = ["open", "in_progress", "closed"] as const;
export type SupportStatus = (typeof supportStatuses)[number];
export const supportStatus = pgEnum("support_status", supportStatuses);

export const supportCategories = [
	"billing",
	"sorting",
	"gdpr",
	"account",
	"technical",
	"event",
	"other",
] as const;
export type SupportCategory = (typeof supportCategories)[number];
export const supportCategory = pgEnum("support_category", supportCategories);

/**
 * One conversation with support, from an account or from the public contact form (guest).
 * The unread badges are the two flags: a message from one side clears the other side's flag.
 */
export const supportThreads = pgTable(
	"support_threads",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		/** Null for guests; the thread goes with a deleted account (personal data). */
		userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
		guestEmail: text("guest_email"),
		guestName: text("guest_name"),
		subject: text("subject").notNull(),
		category: supportCategory("category").notNull().default("other"),
		status: supportStatus("status").notNull().default("open"),
		/** False until an admin opened the thread since the person's last message (admin badge). */
		readByAdmin: boolean("read_by_admin").notNull().default(false),
		/** False when an admin answered and the person has not seen it yet (user badge). */
		readByUser: boolean("read_by_user").notNull().default(true),
		lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
		closedAt: timestamp("closed_at", { withTimezone: true }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		// Admin inbox: active threads (open, in_progress) newest first, and the admin badge.
		index("support_threads_status_last_message_idx").on(t.status, t.lastMessageAt),
		index("support_threads_user_idx").on(t.userId, t.lastMessageAt),
		index("support_threads_guest_email_idx").on(t.guestEmail),
	],
);

export const supportThreadsRelations = relations(supportThreads, ({ one, many }) => ({
	user: one(users, {
		fields: [supportThreads.userId],
		references: [users.id],
		relationName: "supportThreadUser",
	}),
	messages: many(supportMessages),
}));

export const supportMessages = pgTable(
	"support_messages",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		threadId: uuid("thread_id")
			.notNull()
			.references(() => supportThreads.id, { onDelete: "cascade" }),
		/** Null for a guest's message (and once the author's account is deleted). */
		authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
		/** Which side wrote it; kept as a fact even if the author's role changes later. */
		fromAdmin: boolean("from_admin").notNull().default(false),
		body: text("body").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index("support_messages_thread_created_idx").on(t.threadId, t.createdAt),
		index("support_messages_author_idx").on(t.authorId),
	],
);

export const supportMessagesRelations = relations(supportMessages, ({ one }) => ({
	thread: one(supportThreads, { fields: [supportMessages.threadId], references: [supportThreads.id] }),
	author: one(users, {
		fields: [supportMessages.authorId],
		references: [users.id],
		relationName: "supportMessageAuthor",
	}),
}));

export type SupportThread = typeof supportThreads.$inferSelect;
export type NewSupportThread = typeof supportThreads.$inferInsert;
export type SupportMessage = typeof supportMessages.$inferSelect;
export type NewSupportMessage = typeof supportMessages.$inferInsert;
