CREATE TYPE "public"."credit_transaction_kind" AS ENUM('purchase', 'subscription', 'photo_charge', 'admin_adjustment', 'refund');--> statement-breakpoint
CREATE TYPE "public"."event_visibility" AS ENUM('draft', 'public', 'archived');--> statement-breakpoint
CREATE TYPE "public"."sport_type" AS ENUM('running', 'trail', 'triathlon', 'cycling', 'mountain_bike', 'swimming', 'obstacle', 'ski', 'walking', 'other');--> statement-breakpoint
CREATE TYPE "public"."gdpr_request_kind" AS ENUM('access', 'deletion');--> statement-breakpoint
CREATE TYPE "public"."gdpr_request_status" AS ENUM('pending', 'processing', 'completed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."marketplace_application_status" AS ENUM('pending', 'accepted', 'refused');--> statement-breakpoint
CREATE TYPE "public"."marketplace_listing_status" AS ENUM('open', 'closed', 'filled');--> statement-breakpoint
CREATE TYPE "public"."order_item_kind" AS ENUM('photo', 'pack');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('pending', 'paid', 'failed', 'refunded', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('owner', 'manager', 'member');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('agency', 'club', 'federation');--> statement-breakpoint
CREATE TYPE "public"."bib_source" AS ENUM('ocr', 'manual', 'face_recognition', 'chrono');--> statement-breakpoint
CREATE TYPE "public"."photo_rejection_reason" AS ENUM('duplicate', 'blurry', 'unreadable');--> statement-breakpoint
CREATE TYPE "public"."photo_status" AS ENUM('uploaded', 'processing', 'ready', 'rejected', 'failed');--> statement-breakpoint
CREATE TYPE "public"."start_list_provider" AS ENUM('njuko', 'kms', 'runsignup', 'csv');--> statement-breakpoint
CREATE TYPE "public"."start_list_sync_status" AS ENUM('never', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."support_category" AS ENUM('billing', 'sorting', 'gdpr', 'account', 'technical', 'event', 'other');--> statement-breakpoint
CREATE TYPE "public"."support_status" AS ENUM('open', 'in_progress', 'closed');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('fr', 'en');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('runner', 'photographer', 'organizer', 'agency', 'club', 'federation', 'admin');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"details" jsonb,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"stripe_subscription_id" text NOT NULL,
	"plan" text NOT NULL,
	"credits_per_period" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"status" text NOT NULL,
	"current_period_end" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"kind" "credit_transaction_kind" NOT NULL,
	"reference" text,
	"balance_after" integer NOT NULL,
	"note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_transactions_amount_non_zero" CHECK ("credit_transactions"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"date" date NOT NULL,
	"timezone" text DEFAULT 'Europe/Paris' NOT NULL,
	"place" text NOT NULL,
	"sport_type" "sport_type" DEFAULT 'running' NOT NULL,
	"description" text,
	"poster_key" text,
	"logo_key" text,
	"primary_color" text,
	"secondary_color" text,
	"watermark_key" text,
	"visibility" "event_visibility" DEFAULT 'draft' NOT NULL,
	"owner_id" uuid NOT NULL,
	"organizer_id" uuid,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_primary_color_hex" CHECK ("events"."primary_color" ~ '^#[0-9a-fA-F]{6}$'),
	CONSTRAINT "events_secondary_color_hex" CHECK ("events"."secondary_color" ~ '^#[0-9a-fA-F]{6}$')
);
--> statement-breakpoint
CREATE TABLE "face_clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"representative_face_id" uuid,
	"bib" text,
	"face_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "faces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"photo_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"bbox_x" real NOT NULL,
	"bbox_y" real NOT NULL,
	"bbox_width" real NOT NULL,
	"bbox_height" real NOT NULL,
	"confidence" real NOT NULL,
	"embedding" real[],
	"embedding_model" text,
	"provider_face_id" text,
	"crop_key" text,
	"bib" text,
	"cluster_id" uuid,
	"emotions" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "faces_confidence_range" CHECK ("faces"."confidence" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "favorites" (
	"user_id" uuid NOT NULL,
	"photo_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "favorites_user_id_photo_id_pk" PRIMARY KEY("user_id","photo_id")
);
--> statement-breakpoint
CREATE TABLE "gdpr_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"name" text,
	"kind" "gdpr_request_kind" NOT NULL,
	"status" "gdpr_request_status" DEFAULT 'pending' NOT NULL,
	"message" text,
	"export_key" text,
	"admin_note" text,
	"processed_at" timestamp with time zone,
	"processed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketplace_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"photographer_id" uuid NOT NULL,
	"message" text NOT NULL,
	"rate_cents" integer,
	"status" "marketplace_application_status" DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_applications_rate_non_negative" CHECK ("marketplace_applications"."rate_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "marketplace_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"event_id" uuid,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"budget_cents" integer,
	"needs" text,
	"status" "marketplace_listing_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_listings_budget_non_negative" CHECK ("marketplace_listings"."budget_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "marketplace_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewee_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_reviews_rating_range" CHECK ("marketplace_reviews"."rating" between 1 and 5),
	CONSTRAINT "marketplace_reviews_not_self" CHECK ("marketplace_reviews"."reviewer_id" <> "marketplace_reviews"."reviewee_id")
);
--> statement-breakpoint
CREATE TABLE "download_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"download_count" integer DEFAULT 0 NOT NULL,
	"last_downloaded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" "order_item_kind" NOT NULL,
	"photo_id" uuid,
	"price_pack_id" uuid,
	"pack_item_id" uuid,
	"label" text NOT NULL,
	"bib" text,
	"unit_price_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_items_price_non_negative" CHECK ("order_items"."unit_price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid,
	"buyer_id" uuid,
	"buyer_email" text NOT NULL,
	"buyer_name" text,
	"locale" "locale" DEFAULT 'fr' NOT NULL,
	"seller_id" uuid,
	"status" "order_status" DEFAULT 'pending' NOT NULL,
	"subtotal_cents" integer NOT NULL,
	"service_fee_cents" integer DEFAULT 0 NOT NULL,
	"total_cents" integer NOT NULL,
	"stripe_fee_cents" integer,
	"photographer_payout_cents" integer,
	"currency" text DEFAULT 'eur' NOT NULL,
	"stripe_payment_intent_id" text,
	"stripe_charge_id" text,
	"stripe_transfer_id" text,
	"destination_account_id" text,
	"paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"receipt_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_amounts_valid" CHECK ("orders"."subtotal_cents" >= 0 and "orders"."service_fee_cents" >= 0 and "orders"."total_cents" = "orders"."subtotal_cents" + "orders"."service_fee_cents")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"owner_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "photo_bibs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"photo_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"bib" text NOT NULL,
	"confidence" real NOT NULL,
	"source" "bib_source" NOT NULL,
	"bbox_x" real,
	"bbox_y" real,
	"bbox_width" real,
	"bbox_height" real,
	"start_list_entry_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_bibs_confidence_range" CHECK ("photo_bibs"."confidence" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "photo_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"photo_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"batch_id" uuid,
	"status" "photo_status" NOT NULL,
	"step" text,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"batch_id" uuid,
	"uploader_id" uuid,
	"client_ref" text,
	"original_filename" text NOT NULL,
	"original_key" text NOT NULL,
	"web_key" text,
	"thumb_key" text,
	"micro_key" text,
	"ai_input_key" text,
	"status" "photo_status" DEFAULT 'uploaded' NOT NULL,
	"status_reason" text,
	"rejection_reason" "photo_rejection_reason",
	"width" integer,
	"height" integer,
	"bytes" integer NOT NULL,
	"mime_type" text NOT NULL,
	"taken_at" timestamp with time zone,
	"camera_make" text,
	"camera_model" text,
	"camera_serial" text,
	"phash" text,
	"blur_score" real,
	"quality_score" real,
	"options" jsonb DEFAULT '{"removeDuplicates":true,"filterBlurry":true,"autoRetouch":false,"smartCrop":false}'::jsonb NOT NULL,
	"credit_charged" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"ocr_provider" text,
	"processed_at" timestamp with time zone,
	"duplicate_of_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photos_rejection_reason_iff_rejected" CHECK (("photos"."status" = 'rejected') = ("photos"."rejection_reason" is not null)),
	CONSTRAINT "photos_attempts_non_negative" CHECK ("photos"."attempts" >= 0),
	CONSTRAINT "photos_phash_hex64" CHECK ("photos"."phash" ~ '^[0-9a-f]{16}$')
);
--> statement-breakpoint
CREATE TABLE "platform_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "price_packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"price_cents" integer NOT NULL,
	"photo_count" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_packs_price_non_negative" CHECK ("price_packs"."price_cents" >= 0),
	CONSTRAINT "price_packs_photo_count_positive" CHECK ("price_packs"."photo_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "start_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"bib" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"email" text,
	"category" text,
	"club" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "start_list_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"provider" "start_list_provider" NOT NULL,
	"base_url" text,
	"external_event_id" text,
	"api_key" text,
	"api_secret" text,
	"field_mapping" jsonb,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_sync_status" "start_list_sync_status" DEFAULT 'never' NOT NULL,
	"last_sync_error" text,
	"last_sync_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" uuid,
	"from_admin" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"guest_email" text,
	"guest_name" text,
	"subject" text NOT NULL,
	"category" "support_category" DEFAULT 'other' NOT NULL,
	"status" "support_status" DEFAULT 'open' NOT NULL,
	"read_by_admin" boolean DEFAULT false NOT NULL,
	"read_by_user" boolean DEFAULT true NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "camera_clock_offsets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"camera_key" text NOT NULL,
	"offset_ms" integer NOT NULL,
	"set_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timing_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"bib" text NOT NULL,
	"point" text NOT NULL,
	"passed_at" timestamp with time zone NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upload_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"uploader_id" uuid,
	"options" jsonb DEFAULT '{"removeDuplicates":true,"filterBlurry":true,"autoRetouch":false,"smartCrop":false}'::jsonb NOT NULL,
	"expected_count" integer NOT NULL,
	"received_count" integer DEFAULT 0 NOT NULL,
	"timing_point" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upload_batches_counts_non_negative" CHECK ("upload_batches"."expected_count" >= 0 and "upload_batches"."received_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" DEFAULT 'runner' NOT NULL,
	"password_hash" text NOT NULL,
	"phone" text,
	"company" text,
	"locale" "locale" DEFAULT 'fr' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"credits_balance" integer DEFAULT 0 NOT NULL,
	"stripe_customer_id" text,
	"stripe_account_id" text,
	"stripe_charges_enabled" boolean DEFAULT false NOT NULL,
	"stripe_payouts_enabled" boolean DEFAULT false NOT NULL,
	"stripe_details_submitted" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_subscriptions" ADD CONSTRAINT "credit_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organizer_id_users_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "face_clusters" ADD CONSTRAINT "face_clusters_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "face_clusters" ADD CONSTRAINT "face_clusters_representative_face_id_faces_id_fk" FOREIGN KEY ("representative_face_id") REFERENCES "public"."faces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faces" ADD CONSTRAINT "faces_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faces" ADD CONSTRAINT "faces_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faces" ADD CONSTRAINT "faces_cluster_id_face_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."face_clusters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "favorites" ADD CONSTRAINT "favorites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "favorites" ADD CONSTRAINT "favorites_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gdpr_requests" ADD CONSTRAINT "gdpr_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gdpr_requests" ADD CONSTRAINT "gdpr_requests_processed_by_id_users_id_fk" FOREIGN KEY ("processed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_applications" ADD CONSTRAINT "marketplace_applications_listing_id_marketplace_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."marketplace_listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_applications" ADD CONSTRAINT "marketplace_applications_photographer_id_users_id_fk" FOREIGN KEY ("photographer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_listings" ADD CONSTRAINT "marketplace_listings_organizer_id_users_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_listings" ADD CONSTRAINT "marketplace_listings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_reviews" ADD CONSTRAINT "marketplace_reviews_listing_id_marketplace_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."marketplace_listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_reviews" ADD CONSTRAINT "marketplace_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_reviews" ADD CONSTRAINT "marketplace_reviews_reviewee_id_users_id_fk" FOREIGN KEY ("reviewee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "download_tokens" ADD CONSTRAINT "download_tokens_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_price_pack_id_price_packs_id_fk" FOREIGN KEY ("price_pack_id") REFERENCES "public"."price_packs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_pack_item_id_order_items_id_fk" FOREIGN KEY ("pack_item_id") REFERENCES "public"."order_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_bibs" ADD CONSTRAINT "photo_bibs_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_bibs" ADD CONSTRAINT "photo_bibs_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_bibs" ADD CONSTRAINT "photo_bibs_start_list_entry_id_start_list_entries_id_fk" FOREIGN KEY ("start_list_entry_id") REFERENCES "public"."start_list_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_bibs" ADD CONSTRAINT "photo_bibs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_events" ADD CONSTRAINT "photo_events_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_events" ADD CONSTRAINT "photo_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_events" ADD CONSTRAINT "photo_events_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_duplicate_of_id_photos_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD CONSTRAINT "platform_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_packs" ADD CONSTRAINT "price_packs_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "start_list_entries" ADD CONSTRAINT "start_list_entries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "start_list_sources" ADD CONSTRAINT "start_list_sources_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_thread_id_support_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."support_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_threads" ADD CONSTRAINT "support_threads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_clock_offsets" ADD CONSTRAINT "camera_clock_offsets_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_clock_offsets" ADD CONSTRAINT "camera_clock_offsets_set_by_id_users_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timing_records" ADD CONSTRAINT "timing_records_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_batches" ADD CONSTRAINT "upload_batches_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_batches" ADD CONSTRAINT "upload_batches_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_subscriptions_stripe_subscription_key" ON "credit_subscriptions" USING btree ("stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "credit_subscriptions_user_idx" ON "credit_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_transactions_kind_reference_key" ON "credit_transactions" USING btree ("kind","reference");--> statement-breakpoint
CREATE INDEX "credit_transactions_user_created_idx" ON "credit_transactions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "credit_transactions_created_by_idx" ON "credit_transactions" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_slug_key" ON "events" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "events_owner_idx" ON "events" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "events_organizer_idx" ON "events" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "events_organisation_idx" ON "events" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "events_visibility_date_idx" ON "events" USING btree ("visibility","date");--> statement-breakpoint
CREATE INDEX "face_clusters_event_bib_idx" ON "face_clusters" USING btree ("event_id","bib");--> statement-breakpoint
CREATE INDEX "face_clusters_representative_idx" ON "face_clusters" USING btree ("representative_face_id");--> statement-breakpoint
CREATE INDEX "faces_photo_idx" ON "faces" USING btree ("photo_id");--> statement-breakpoint
CREATE INDEX "faces_event_bib_idx" ON "faces" USING btree ("event_id","bib");--> statement-breakpoint
CREATE INDEX "faces_cluster_idx" ON "faces" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "favorites_photo_idx" ON "favorites" USING btree ("photo_id");--> statement-breakpoint
CREATE INDEX "gdpr_requests_status_created_idx" ON "gdpr_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "gdpr_requests_user_idx" ON "gdpr_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "gdpr_requests_email_idx" ON "gdpr_requests" USING btree ("email");--> statement-breakpoint
CREATE INDEX "gdpr_requests_processed_by_idx" ON "gdpr_requests" USING btree ("processed_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marketplace_applications_listing_photographer_key" ON "marketplace_applications" USING btree ("listing_id","photographer_id");--> statement-breakpoint
CREATE INDEX "marketplace_applications_photographer_idx" ON "marketplace_applications" USING btree ("photographer_id");--> statement-breakpoint
CREATE INDEX "marketplace_listings_status_date_idx" ON "marketplace_listings" USING btree ("status","date");--> statement-breakpoint
CREATE INDEX "marketplace_listings_organizer_idx" ON "marketplace_listings" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "marketplace_listings_event_idx" ON "marketplace_listings" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marketplace_reviews_listing_reviewer_reviewee_key" ON "marketplace_reviews" USING btree ("listing_id","reviewer_id","reviewee_id");--> statement-breakpoint
CREATE INDEX "marketplace_reviews_reviewer_idx" ON "marketplace_reviews" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "marketplace_reviews_reviewee_idx" ON "marketplace_reviews" USING btree ("reviewee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "download_tokens_token_hash_key" ON "download_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "download_tokens_order_idx" ON "download_tokens" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "download_tokens_expires_idx" ON "download_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_items_order_photo_key" ON "order_items" USING btree ("order_id","photo_id");--> statement-breakpoint
CREATE INDEX "order_items_photo_idx" ON "order_items" USING btree ("photo_id");--> statement-breakpoint
CREATE INDEX "order_items_price_pack_idx" ON "order_items" USING btree ("price_pack_id");--> statement-breakpoint
CREATE INDEX "order_items_pack_item_idx" ON "order_items" USING btree ("pack_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_stripe_payment_intent_key" ON "orders" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE INDEX "orders_event_idx" ON "orders" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "orders" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "orders_buyer_email_idx" ON "orders" USING btree ("buyer_email");--> statement-breakpoint
CREATE INDEX "orders_seller_idx" ON "orders" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_status_created_idx" ON "orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "organisations_owner_idx" ON "organisations" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "photo_bibs_photo_bib_key" ON "photo_bibs" USING btree ("photo_id","bib");--> statement-breakpoint
CREATE INDEX "photo_bibs_event_bib_idx" ON "photo_bibs" USING btree ("event_id","bib");--> statement-breakpoint
CREATE INDEX "photo_bibs_start_list_entry_idx" ON "photo_bibs" USING btree ("start_list_entry_id");--> statement-breakpoint
CREATE INDEX "photo_bibs_created_by_idx" ON "photo_bibs" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "photo_events_batch_idx" ON "photo_events" USING btree ("batch_id","id");--> statement-breakpoint
CREATE INDEX "photo_events_event_idx" ON "photo_events" USING btree ("event_id","id");--> statement-breakpoint
CREATE INDEX "photo_events_photo_idx" ON "photo_events" USING btree ("photo_id");--> statement-breakpoint
CREATE INDEX "photo_events_created_idx" ON "photo_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "photos_event_status_created_idx" ON "photos" USING btree ("event_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "photos_event_taken_idx" ON "photos" USING btree ("event_id","taken_at");--> statement-breakpoint
CREATE INDEX "photos_batch_idx" ON "photos" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "photos_uploader_idx" ON "photos" USING btree ("uploader_id");--> statement-breakpoint
CREATE INDEX "photos_duplicate_of_idx" ON "photos" USING btree ("duplicate_of_id");--> statement-breakpoint
CREATE UNIQUE INDEX "photos_batch_client_ref_key" ON "photos" USING btree ("batch_id","client_ref") WHERE "photos"."client_ref" is not null;--> statement-breakpoint
CREATE INDEX "platform_settings_updated_by_idx" ON "platform_settings" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "price_packs_event_sort_idx" ON "price_packs" USING btree ("event_id","sort_order");--> statement-breakpoint
CREATE INDEX "rate_limits_reset_idx" ON "rate_limits" USING btree ("reset_at");--> statement-breakpoint
CREATE UNIQUE INDEX "start_list_entries_event_bib_key" ON "start_list_entries" USING btree ("event_id","bib");--> statement-breakpoint
CREATE UNIQUE INDEX "start_list_sources_event_provider_key" ON "start_list_sources" USING btree ("event_id","provider");--> statement-breakpoint
CREATE INDEX "stripe_events_processed_idx" ON "stripe_events" USING btree ("processed_at");--> statement-breakpoint
CREATE INDEX "support_messages_thread_created_idx" ON "support_messages" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "support_messages_author_idx" ON "support_messages" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "support_threads_status_last_message_idx" ON "support_threads" USING btree ("status","last_message_at");--> statement-breakpoint
CREATE INDEX "support_threads_user_idx" ON "support_threads" USING btree ("user_id","last_message_at");--> statement-breakpoint
CREATE INDEX "support_threads_guest_email_idx" ON "support_threads" USING btree ("guest_email");--> statement-breakpoint
CREATE UNIQUE INDEX "camera_clock_offsets_event_camera_key" ON "camera_clock_offsets" USING btree ("event_id","camera_key");--> statement-breakpoint
CREATE INDEX "camera_clock_offsets_set_by_idx" ON "camera_clock_offsets" USING btree ("set_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "timing_records_event_bib_point_key" ON "timing_records" USING btree ("event_id","bib","point");--> statement-breakpoint
CREATE INDEX "timing_records_event_point_passed_idx" ON "timing_records" USING btree ("event_id","point","passed_at");--> statement-breakpoint
CREATE INDEX "upload_batches_event_idx" ON "upload_batches" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "upload_batches_uploader_idx" ON "upload_batches" USING btree ("uploader_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE UNIQUE INDEX "users_stripe_account_key" ON "users" USING btree ("stripe_account_id") WHERE "users"."stripe_account_id" is not null;