import { relations, sql } from "drizzle-orm";
import {
	type AnyPgColumn,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	real,
	text,
	timestamp,
	uuid,
} from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { photos } from "./photos.ts";

/** Emotion scores 0..1 by name ("happy", "surprised", …) for the "best smile" filter. */
export type FaceEmotions = Record<string, number>;

/** A face detected on a photo: what selfie search, face linking and smart crops work from. */
export const faces = pgTable(
	"faces",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		photoId: uuid("photo_id")
			.notNull()
			.references(() => photos.id, { onDelete: "cascade" }),
		/** Copied from the photo: similarity search loads one event's faces at once. */
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		/** Bounding box normalised 0..1 to the image (independent of which derivative was analysed). */
		bboxX: real("bbox_x").notNull(),
		bboxY: real("bbox_y").notNull(),
		bboxWidth: real("bbox_width").notNull(),
		bboxHeight: real("bbox_height").notNull(),
		/** Detection confidence in percent 0–100, like bib confidence. */
		confidence: real("confidence").notNull(),
		/** 0..1: how usable the face is for identity (size, sharpness, pose); clusters are led by the clearest. */
		quality: real("quality").notNull().default(0),
		/**
		 * float4[] from the local engine, compared per event (cosine) in SQL or in memory. Null
		 * when the provider keeps vectors itself (Rekognition: see providerFaceId).
		 */
		embedding: real("embedding").array(),
		/** Engine + model that produced the embedding: vectors of different models never compare. */
		embeddingModel: text("embedding_model"),
		/**
		 * What the runner wears below the face: two colour histograms (core outfit.ts), measured
		 * from the pixels whatever the provider; faces.cluster ranks a face's candidates by face
		 * and outfit together. Null when too little of the runner is in the photo.
		 */
		outfit: real("outfit").array(),
		/** The provider's own face id (Rekognition FaceId in the event's collection). */
		providerFaceId: text("provider_face_id"),
		/** Smart crop (`events/{eventId}/crops/…`), when the option was on. */
		cropKey: text("crop_key"),
		/** The runner this face belongs to, once known (bib on the same photo, or a face match). */
		bib: text("bib"),
		clusterId: uuid("cluster_id").references((): AnyPgColumn => faceClusters.id, { onDelete: "set null" }),
		emotions: jsonb("emotions").$type<FaceEmotions>(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index("faces_photo_idx").on(t.photoId),
		index("faces_event_bib_idx").on(t.eventId, t.bib),
		index("faces_cluster_idx").on(t.clusterId),
		check("faces_confidence_range", sql`${t.confidence} between 0 and 100`),
	],
);

export const facesRelations = relations(faces, ({ one }) => ({
	photo: one(photos, { fields: [faces.photoId], references: [photos.id] }),
	event: one(events, { fields: [faces.eventId], references: [events.id] }),
	cluster: one(faceClusters, {
		fields: [faces.clusterId],
		references: [faceClusters.id],
		relationName: "clusterFaces",
	}),
}));

/**
 * Faces of one event grouped as one person, rebuilt by the debounced clustering job after a
 * burst of uploads. A cluster with a bib spreads it to photos where the bib was not readable.
 */
export const faceClusters = pgTable(
	"face_clusters",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		eventId: uuid("event_id")
			.notNull()
			.references(() => events.id, { onDelete: "cascade" }),
		/** The clearest face, shown for the cluster. */
		representativeFaceId: uuid("representative_face_id").references((): AnyPgColumn => faces.id, {
			onDelete: "set null",
		}),
		bib: text("bib"),
		faceCount: integer("face_count").notNull().default(0),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true })
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
	},
	(t) => [
		index("face_clusters_event_bib_idx").on(t.eventId, t.bib),
		index("face_clusters_representative_idx").on(t.representativeFaceId),
	],
);

export const faceClustersRelations = relations(faceClusters, ({ one, many }) => ({
	event: one(events, { fields: [faceClusters.eventId], references: [events.id] }),
	representativeFace: one(faces, {
		fields: [faceClusters.representativeFaceId],
		references: [faces.id],
		relationName: "clusterRepresentative",
	}),
	faces: many(faces, { relationName: "clusterFaces" }),
}));

export type Face = typeof faces.$inferSelect;
export type NewFace = typeof faces.$inferInsert;
export type FaceCluster = typeof faceClusters.$inferSelect;
