import { relations, sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { photoEvents, photos } from "./photos.ts";
import { defaultUploadOptions, type UploadOptions } from "./upload-options.ts";
import { users } from "./users.ts";

/**
 * One import by a pro: many chunked requests of photos under the same options. Progress counts
 * (ready, rejected, failed) are derived from photos grouped by status, not counters here, so 16
 * concurrent jobs never contend on this row.
 */
export const uploadBatches = pgTable(
	"upload_batches",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		/** Null once the uploader's account is deleted: the photos belong to the event. */
		uploaderId: uuid("uploader_id").references(() => users.id, { onDelete: "set null" }),
		options: jsonb("options").$type<UploadOptions>().notNull().default(defaultUploadOptions),
		/** Files the browser announced; the credit check before upload is made against it. */
		expectedCount: integer("expected_count").notNull(),
		/** Files received so far (incremented once per chunk request, not per job). */
		receivedCount: integer("received_count").notNull().default(0),
		/**
		 * Chrono sync: the timing point (e.g. "km10", "finish") where these photos were taken,
		 * matched against timing_records.point.
		 */
		timingPoint: text("timing_point"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index("upload_batches_event_idx").on(t.eventId, t.createdAt),
		index("upload_batches_uploader_idx").on(t.uploaderId),
		check("upload_batches_counts_non_negative", sql`${t.expectedCount} >= 0 and ${t.receivedCount} >= 0`),
	],
);

export const uploadBatchesRelations = relations(uploadBatches, ({ one, many }) => ({
	event: one(events, { fields: [uploadBatches.eventId], references: [events.id] }),
	uploader: one(users, { fields: [uploadBatches.uploaderId], references: [users.id] }),
	photos: many(photos),
	photoEvents: many(photoEvents),
}));

export type UploadBatch = typeof uploadBatches.$inferSelect;
export type NewUploadBatch = typeof uploadBatches.$inferInsert;
