ALTER TABLE "faces" ADD COLUMN "quality" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "bibs_reviewed_at" timestamp with time zone;