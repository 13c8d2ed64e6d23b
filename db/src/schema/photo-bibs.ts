import { relations, sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { photos } from "./photos.ts";
import { startListEntries } from "./start-lists.ts";
import { users } from "./users.ts";

/** How the bib got onto the photo: read, typed by a pro, matched by face, or by timing data. */
export const bibSources = ["ocr", "manual", "face_recognition", "chrono"] as const;
export type BibSource = (typeof bibSources)[number];
export const bibSource = pgEnum("bib_source", bibSources);

/** A runner (bib) on a photo. Search by bib reads these; the start list gives names. */
export const photoBibs = pgTable(
	"photo_bibs",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		photoId: uuid("photo_id")
			.notNull()
			.references(() => photos.id, { onDelete: "cascade" }),
		/** Copied from the photo so "photos of bib 123 in this event" is one index lookup. */
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		bib: text("bib").notNull(),
		/** Percent 0–100, the scale of PRODUCT.md's thresholds (OCR ≥ 70, face match ≥ 85). */
		confidence: real("confidence").notNull(),
		source: bibSource("source").notNull(),
		/** Where the number was read, normalised 0..1 to the image; null for manual/face/chrono. */
		bboxX: real("bbox_x"),
		bboxY: real("bbox_y"),
		bboxWidth: real("bbox_width"),
		bboxHeight: real("bbox_height"),
		/** Resolved at link time; (eventId, bib) stays the truth when the start list is re-imported. */
		startListEntryId: uuid("start_list_entry_id").references(() => startListEntries.id, {
			onDelete: "set null",
		}),
		/** The pro or admin who typed or fixed it (source `manual`). */
		createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("photo_bibs_photo_bib_key").on(t.photoId, t.bib),
		index("photo_bibs_event_bib_idx").on(t.eventId, t.bib),
		index("photo_bibs_start_list_entry_idx").on(t.startListEntryId),
		index("photo_bibs_created_by_idx").on(t.createdById),
		check("photo_bibs_confidence_range", sql`${t.confidence} between 0 and 100`),
	],
);

export const photoBibsRelations = relations(photoBibs, ({ one }) => ({
	photo: one(photos, { fields: [photoBibs.photoId], references: [photos.id] }),
	event: one(events, { fields: [photoBibs.eventId], references: [events.id] }),
	startListEntry: one(startListEntries, {
		fields: [photoBibs.startListEntryId],
		references: [startListEntries.id],
	}),
	createdBy: one(users, { fields: [photoBibs.createdById], references: [users.id] }),
}));

export type PhotoBib = typeof photoBibs.$inferSelect;
export type NewPhotoBib = typeof photoBibs.$inferInsert;
