CREATE TABLE "event_visits" (
	"event_id" uuid NOT NULL,
	"day" date NOT NULL,
	"visitor_hash" text NOT NULL,
	CONSTRAINT "event_visits_event_id_day_visitor_hash_pk" PRIMARY KEY("event_id","day","visitor_hash")
);
--> statement-breakpoint
CREATE TABLE "organisation_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_visits" ADD CONSTRAINT "event_visits_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invites" ADD CONSTRAINT "organisation_invites_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invites" ADD CONSTRAINT "organisation_invites_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invites" ADD CONSTRAINT "organisation_invites_accepted_by_id_users_id_fk" FOREIGN KEY ("accepted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_visits_day_idx" ON "event_visits" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_invites_token_hash_key" ON "organisation_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "organisation_invites_organisation_idx" ON "organisation_invites" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_invites_invited_by_idx" ON "organisation_invites" USING btree ("invited_by_id");--> statement-breakpoint
CREATE INDEX "organisation_invites_accepted_by_idx" ON "organisation_invites" USING btree ("accepted_by_id");--> statement-breakpoint
-- The key of the daily visitor hashes (event_visits): random per installation, never shown.
INSERT INTO "platform_settings" ("key", "value") VALUES ('visitor_salt', jsonb_build_object('salt', gen_random_uuid()::text)) ON CONFLICT DO NOTHING;
