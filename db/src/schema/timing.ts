import { relations } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { users } from "./users.ts";

/**
 * Chrono sync (PRODUCT.md §9): when a runner passed a timing point. A photo with no readable bib,
 * taken at a point (upload_batches.timingPoint) at a corrected time, is matched to the passages
 * around that time.
 */
export const timingRecords = pgTable(
	"timing_records",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		bib: text("bib").notNull(),
		/** The timing point's name as the timing file writes it ("start", "km10", "finish"). */
		point: text("point").notNull(),
		passedAt: timestamp("passed_at", { withTimezone: true }).notNull(),
		/** Where it came from: a file name or a timing provider. */
		source: text("source"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("timing_records_event_bib_point_key").on(t.eventId, t.bib, t.point),
		// Passages at one point in a time window around a photo's capture time.
		index("timing_records_event_point_passed_idx").on(t.eventId, t.point, t.passedAt),
	],
);

export const timingRecordsRelations = relations(timingRecords, ({ one }) => ({
	event: one(events, { fields: [timingRecords.eventId], references: [events.id] }),
}));

/**
 * How far a camera's clock is from the official race clock, per event (set by the pro, e.g. from
 * a photo of the finish clock). Corrected time = photos.takenAt + offsetMs.
 */
export const cameraClockOffsets = pgTable(
	"camera_clock_offsets",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		/** The camera: EXIF body serial, or "make|model" when the body has no serial in EXIF. */
		cameraKey: text("camera_key").notNull(),
		offsetMs: integer("offset_ms").notNull(),
		setById: uuid("set_by_id").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		uniqueIndex("camera_clock_offsets_event_camera_key").on(t.eventId, t.cameraKey),
		index("camera_clock_offsets_set_by_idx").on(t.setById),
	],
);

export const cameraClockOffsetsRelations = relations(cameraClockOffsets, ({ one }) => ({
	event: one(events, { fields: [cameraClockOffsets.eventId], references: [events.id] }),
	setBy: one(users, { fields: [cameraClockOffsets.setById], references: [users.id] }),
}));

export type TimingRecord = typeof timingRecords.$inferSelect;
export type NewTimingRecord = typeof timingRecords.$inferInsert;
export type CameraClockOffset = typeof cameraClockOffsets.$inferSelect;
