import { relations, sql } from "drizzle-orm";
import {
	type AnyPgColumn,
	bigserial,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	real,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { faces } from "./faces.ts";
import { favorites } from "./favorites.ts";
import { orderItems } from "./orders.ts";
import { photoBibs } from "./photo-bibs.ts";
import { defaultUploadOptions, type UploadOptions } from "./upload-options.ts";
import { uploadBatches } from "./uploads.ts";
import { users } from "./users.ts";

/**
 * uploaded → processing → ready | rejected (a filter said no, final) | failed (3 attempts
 * errored; statusReason says why, the worker CLI can retry).
 */
export const photoStatuses = ["uploaded", "processing", "ready", "rejected", "failed"] as const;
export type PhotoStatus = (typeof photoStatuses)[number];
export const photoStatus = pgEnum("photo_status", photoStatuses);

/** `unreadable` = the file does not decode: no credit is charged for it (PRODUCT.md §3). */
export const photoRejectionReasons = ["duplicate", "blurry", "unreadable"] as const;
export type PhotoRejectionReason = (typeof photoRejectionReasons)[number];
export const photoRejectionReason = pgEnum("photo_rejection_reason", photoRejectionReasons);

export const photos = pgTable(
	"photos",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		batchId: uuid("batch_id").references(() => uploadBatches.id, { onDelete: "set null" }),
		/** Null once the uploader's account is deleted: the photo belongs to the event. */
		uploaderId: uuid("uploader_id").references(() => users.id, { onDelete: "set null" }),
		/**
		 * The browser's id for the file within its batch: a retried chunk request finds the photo
		 * already there instead of creating (and charging) it twice.
		 */
		clientRef: text("client_ref"),
		originalFilename: text("original_filename").notNull(),
		/** Storage keys (`events/{eventId}/{originals|web|thumbs|micro}/…`), never URLs. */
		originalKey: text("original_key").notNull(),
		/** 1600 px WebP without watermark (auto-retouch rewrites it): private, like the original. */
		webKey: text("web_key"),
		/** ≤ 1200 px, watermarked: the only full view the public sees (lightbox). */
		thumbKey: text("thumb_key"),
		/** 400 px for grids. */
		microKey: text("micro_key"),
		/** Only when the AI input is persisted (e.g. a JPEG for a cloud provider); usually in memory. */
		aiInputKey: text("ai_input_key"),
		status: photoStatus("status").notNull().default("uploaded"),
		/** Human-readable detail: the last error of a failed photo, or why it was rejected. */
		statusReason: text("status_reason"),
		rejectionReason: photoRejectionReason("rejection_reason"),
		width: integer("width"),
		height: integer("height"),
		bytes: integer("bytes").notNull(),
		mimeType: text("mime_type").notNull(),
		/** EXIF DateTimeOriginal read in the event's time zone, before any camera clock offset. */
		takenAt: timestamp("taken_at", { withTimezone: true }),
		cameraMake: text("camera_make"),
		cameraModel: text("camera_model"),
		/** EXIF body serial when present: identifies the camera for clock offsets (chrono sync). */
		cameraSerial: text("camera_serial"),
		/**
		 * 64-bit perceptual hash as 16 lower-case hex digits. Not a bigint: drizzle's relational
		 * queries pass nested rows through JSON (a bigint loses its low bits there) and tRPC cannot
		 * serialise BigInt. Postgres still compares it natively:
		 * `bit_count(('x' || a)::bit(64) # ('x' || b)::bit(64)) <= 5` finds near-duplicates.
		 */
		phash: text("phash"),
		/** Variance of the Laplacian on 256×256 grey; below the threshold (30) is blurry. */
		blurScore: real("blur_score"),
		qualityScore: real("quality_score"),
		/** Options in force when this photo was processed (reprocessing uses them again). */
		options: jsonb("options").$type<UploadOptions>().notNull().default(defaultUploadOptions),
		/**
		 * Mirror of the photo_charge credit transaction, for listings. The guarantee of "charged
		 * once" is that transaction's unique (kind, reference), not this flag.
		 */
		creditCharged: boolean("credit_charged").notNull().default(false),
		/** Processing attempts so far; the third failure sets `failed`. */
		attempts: integer("attempts").notNull().default(0),
		/** Engine that read the bibs ("local", "rekognition"), for the OCR review view. */
		ocrProvider: text("ocr_provider"),
		/**
		 * Set when a pro fixed the bibs by hand: from then on their list is the truth, and neither
		 * a re-read (reprocess) nor face linking adds or removes a bib on this photo.
		 */
		bibsReviewedAt: timestamp("bibs_reviewed_at", { withTimezone: true }),
		processedAt: timestamp("processed_at", { withTimezone: true }),
		/** The earlier photo of the same event this one duplicates (rejected as `duplicate`). */
		duplicateOfId: uuid("duplicate_of_id").references((): AnyPgColumn => photos.id, {
			onDelete: "set null",
		}),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		// Gallery (ready photos of an event, cursor on createdAt + id) and per-status counts.
		index("photos_event_status_created_idx").on(t.eventId, t.status, t.createdAt, t.id),
		// Chrono sync: photos of an event around a passage time.
		index("photos_event_taken_idx").on(t.eventId, t.takenAt),
		index("photos_batch_idx").on(t.batchId),
		index("photos_uploader_idx").on(t.uploaderId),
		index("photos_duplicate_of_idx").on(t.duplicateOfId),
		uniqueIndex("photos_batch_client_ref_key")
			.on(t.batchId, t.clientRef)
			.where(sql`${t.clientRef} is not null`),
		check(
			"photos_rejection_reason_iff_rejected",
			sql`(${t.status} = 'rejected') = (${t.rejectionReason} is not null)`,
		),
		check("photos_attempts_non_negative", sql`${t.attempts} >= 0`),
		check("photos_phash_hex64", sql`${t.phash} ~ '^[0-9a-f]{16}$'`),
	],
);

export const photosRelations = relations(photos, ({ one, many }) => ({
	event: one(events, { fields: [photos.eventId], references: [events.id] }),
	batch: one(uploadBatches, { fields: [photos.batchId], references: [uploadBatches.id] }),
	uploader: one(users, { fields: [photos.uploaderId], references: [users.id] }),
	duplicateOf: one(photos, {
		fields: [photos.duplicateOfId],
		references: [photos.id],
		relationName: "photoDuplicate",
	}),
	duplicates: many(photos, { relationName: "photoDuplicate" }),
	bibs: many(photoBibs),
	faces: many(faces),
	orderItems: many(orderItems),
	favorites: many(favorites),
	progress: many(photoEvents),
}));

/**
 * Append-only progress of photos (one row per state change or step), written by whichever
 * worker did the work and streamed by the api over SSE from the last id the browser saw.
 * Old rows are purged by a periodic job; nothing else reads them.
 */
export const photoEvents = pgTable(
	"photo_events",
	{
		/** Monotonic: the SSE `Last-Event-ID` cursor. */
		id: bigserial("id", { mode: "number" }).primaryKey(),
		photoId: uuid("photo_id")
			.notNull()
			.references(() => photos.id, { onDelete: "cascade" }),
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		batchId: uuid("batch_id").references(() => uploadBatches.id, { onDelete: "cascade" }),
		status: photoStatus("status").notNull(),
		/** Sub-step within `processing` ("derivatives", "ocr", "faces", "linking"), for the timeline. */
		step: text("step"),
		message: text("message"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index("photo_events_batch_idx").on(t.batchId, t.id),
		index("photo_events_event_idx").on(t.eventId, t.id),
		index("photo_events_photo_idx").on(t.photoId),
		index("photo_events_created_idx").on(t.createdAt),
	],
);

export const photoEventsRelations = relations(photoEvents, ({ one }) => ({
	photo: one(photos, { fields: [photoEvents.photoId], references: [photos.id] }),
	event: one(events, { fields: [photoEvents.eventId], references: [events.id] }),
	batch: one(uploadBatches, { fields: [photoEvents.batchId], references: [uploadBatches.id] }),
}));

export type Photo = typeof photos.$inferSelect;
export type NewPhoto = typeof photos.$inferInsert;
export type PhotoEvent = typeof photoEvents.$inferSelect;
