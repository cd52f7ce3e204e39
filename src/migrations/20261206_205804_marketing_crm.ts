import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_leads_status" AS ENUM('new', 'contacted', 'qualified', 'trial', 'converted', 'lost');
  CREATE TYPE "public"."enum_leads_source" AS ENUM('website_form', 'tour', 'guest_booking', 'event_rsvp', 'walk_in', 'referral', 'import', 'staff', 'other');
  CREATE TYPE "public"."enum_member_notes_visibility" AS ENUM('staff', 'instructors');
  CREATE TYPE "public"."enum_deals_stage" AS ENUM('appointment_scheduled', 'qualified', 'proposal', 'negotiation', 'won', 'lost');
  CREATE TYPE "public"."enum_announcements_priority" AS ENUM('low', 'normal', 'high', 'urgent');
  CREATE TYPE "public"."enum_announcements_notice_type" AS ENUM('general', 'closure', 'schedule_change', 'promotion', 'policy');
  CREATE TYPE "public"."enum_announcements_status" AS ENUM('draft', 'scheduled', 'sent', 'cancelled');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendScheduledAnnouncements' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendScheduledAnnouncements' BEFORE 'schedulePublish';
  CREATE TABLE "leads" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"email" varchar NOT NULL,
  	"name" varchar,
  	"phone" varchar,
  	"status" "enum_leads_status" DEFAULT 'new' NOT NULL,
  	"source" "enum_leads_source" DEFAULT 'staff' NOT NULL,
  	"owner_id" uuid,
  	"converted_member_id" uuid,
  	"converted_at" timestamp(3) with time zone,
  	"last_contacted_at" timestamp(3) with time zone,
  	"value" numeric,
  	"notes" varchar,
  	"form_submission" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "leads_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "member_notes" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"note" varchar NOT NULL,
  	"visibility" "enum_member_notes_visibility" DEFAULT 'staff' NOT NULL,
  	"pinned" boolean DEFAULT false,
  	"author_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "deals_line_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"product_name" varchar NOT NULL,
  	"product" varchar,
  	"quantity" numeric DEFAULT 1 NOT NULL,
  	"amount_amount" numeric,
  	"amount_currency" varchar,
  	"hubspot_line_item_id" varchar
  );
  
  CREATE TABLE "deals" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"member_id" uuid,
  	"lead_id" uuid,
  	"stage" "enum_deals_stage" DEFAULT 'appointment_scheduled' NOT NULL,
  	"amount_amount" numeric,
  	"amount_currency" varchar,
  	"close_date" timestamp(3) with time zone,
  	"hubspot_deal_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "announcements" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"priority" "enum_announcements_priority" DEFAULT 'normal' NOT NULL,
  	"notice_type" "enum_announcements_notice_type" DEFAULT 'general',
  	"show_as_banner" boolean DEFAULT false,
  	"starts_at" timestamp(3) with time zone,
  	"ends_at" timestamp(3) with time zone,
  	"status" "enum_announcements_status" DEFAULT 'draft' NOT NULL,
  	"scheduled_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"location_id" uuid,
  	"source_collection" varchar,
  	"source_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notice_dismissals" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"announcement_id" uuid,
  	"notice_type" varchar,
  	"dismissed_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "leads_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "member_notes_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "deals_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "announcements_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notice_dismissals_id" uuid;
  ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_id_tenant_memberships_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_member_id_tenant_memberships_id_fk" FOREIGN KEY ("converted_member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "leads_texts" ADD CONSTRAINT "leads_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "member_notes" ADD CONSTRAINT "member_notes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "member_notes" ADD CONSTRAINT "member_notes_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "member_notes" ADD CONSTRAINT "member_notes_author_id_tenant_memberships_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deals_line_items" ADD CONSTRAINT "deals_line_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "deals" ADD CONSTRAINT "deals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deals" ADD CONSTRAINT "deals_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deals" ADD CONSTRAINT "deals_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notice_dismissals" ADD CONSTRAINT "notice_dismissals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notice_dismissals" ADD CONSTRAINT "notice_dismissals_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notice_dismissals" ADD CONSTRAINT "notice_dismissals_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "leads_tenant_idx" ON "leads" USING btree ("tenant_id");
  CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("owner_id");
  CREATE INDEX "leads_converted_member_idx" ON "leads" USING btree ("converted_member_id");
  CREATE INDEX "leads_updated_at_idx" ON "leads" USING btree ("updated_at");
  CREATE INDEX "leads_created_at_idx" ON "leads" USING btree ("created_at");
  CREATE INDEX "tenant_status_2_idx" ON "leads" USING btree ("tenant_id","status");
  CREATE INDEX "tenant_createdAt_4_idx" ON "leads" USING btree ("tenant_id","created_at");
  CREATE INDEX "leads_texts_order_parent" ON "leads_texts" USING btree ("order","parent_id");
  CREATE INDEX "member_notes_tenant_idx" ON "member_notes" USING btree ("tenant_id");
  CREATE INDEX "member_notes_member_idx" ON "member_notes" USING btree ("member_id");
  CREATE INDEX "member_notes_author_idx" ON "member_notes" USING btree ("author_id");
  CREATE INDEX "member_notes_updated_at_idx" ON "member_notes" USING btree ("updated_at");
  CREATE INDEX "member_notes_created_at_idx" ON "member_notes" USING btree ("created_at");
  CREATE INDEX "member_notes_deleted_at_idx" ON "member_notes" USING btree ("deleted_at");
  CREATE INDEX "tenant_member_5_idx" ON "member_notes" USING btree ("tenant_id","member_id");
  CREATE INDEX "deals_line_items_order_idx" ON "deals_line_items" USING btree ("_order");
  CREATE INDEX "deals_line_items_parent_id_idx" ON "deals_line_items" USING btree ("_parent_id");
  CREATE INDEX "deals_tenant_idx" ON "deals" USING btree ("tenant_id");
  CREATE INDEX "deals_member_idx" ON "deals" USING btree ("member_id");
  CREATE INDEX "deals_lead_idx" ON "deals" USING btree ("lead_id");
  CREATE INDEX "deals_updated_at_idx" ON "deals" USING btree ("updated_at");
  CREATE INDEX "deals_created_at_idx" ON "deals" USING btree ("created_at");
  CREATE INDEX "tenant_stage_idx" ON "deals" USING btree ("tenant_id","stage");
  CREATE INDEX "tenant_closeDate_idx" ON "deals" USING btree ("tenant_id","close_date");
  CREATE INDEX "announcements_tenant_idx" ON "announcements" USING btree ("tenant_id");
  CREATE INDEX "announcements_location_idx" ON "announcements" USING btree ("location_id");
  CREATE INDEX "announcements_updated_at_idx" ON "announcements" USING btree ("updated_at");
  CREATE INDEX "announcements_created_at_idx" ON "announcements" USING btree ("created_at");
  CREATE INDEX "tenant_status_scheduledAt_idx" ON "announcements" USING btree ("tenant_id","status","scheduled_at");
  CREATE INDEX "tenant_showAsBanner_startsAt_idx" ON "announcements" USING btree ("tenant_id","show_as_banner","starts_at");
  CREATE INDEX "notice_dismissals_tenant_idx" ON "notice_dismissals" USING btree ("tenant_id");
  CREATE INDEX "notice_dismissals_member_idx" ON "notice_dismissals" USING btree ("member_id");
  CREATE INDEX "notice_dismissals_announcement_idx" ON "notice_dismissals" USING btree ("announcement_id");
  CREATE INDEX "notice_dismissals_updated_at_idx" ON "notice_dismissals" USING btree ("updated_at");
  CREATE INDEX "notice_dismissals_created_at_idx" ON "notice_dismissals" USING btree ("created_at");
  CREATE INDEX "tenant_member_6_idx" ON "notice_dismissals" USING btree ("tenant_id","member_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_leads_fk" FOREIGN KEY ("leads_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_member_notes_fk" FOREIGN KEY ("member_notes_id") REFERENCES "public"."member_notes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_deals_fk" FOREIGN KEY ("deals_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_announcements_fk" FOREIGN KEY ("announcements_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notice_dismissals_fk" FOREIGN KEY ("notice_dismissals_id") REFERENCES "public"."notice_dismissals"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_leads_id_idx" ON "payload_locked_documents_rels" USING btree ("leads_id");
  CREATE INDEX "payload_locked_documents_rels_member_notes_id_idx" ON "payload_locked_documents_rels" USING btree ("member_notes_id");
  CREATE INDEX "payload_locked_documents_rels_deals_id_idx" ON "payload_locked_documents_rels" USING btree ("deals_id");
  CREATE INDEX "payload_locked_documents_rels_announcements_id_idx" ON "payload_locked_documents_rels" USING btree ("announcements_id");
  CREATE INDEX "payload_locked_documents_rels_notice_dismissals_id_idx" ON "payload_locked_documents_rels" USING btree ("notice_dismissals_id");`)
  // Marketing CRM: one lead per e-mail per tenant (case-insensitive), one deal per HubSpot id per
  // tenant, one announcement per source (a closure's banner), one dismissal per member and
  // announcement or notice type; a banner window is ordered.
  await db.execute(sql`
  CREATE UNIQUE INDEX "leads_tenant_email_lower" ON "leads" ("tenant_id", lower("email"));
  CREATE UNIQUE INDEX "deals_tenant_hubspot_deal_id" ON "deals" ("tenant_id", "hubspot_deal_id") WHERE "hubspot_deal_id" IS NOT NULL;
  ALTER TABLE "deals" ADD CONSTRAINT "deals_amount_nonnegative" CHECK ("amount_amount" IS NULL OR "amount_amount" >= 0);
  CREATE UNIQUE INDEX "announcements_tenant_source" ON "announcements" ("tenant_id", "source_collection", "source_id") WHERE "source_id" IS NOT NULL;
  CREATE INDEX "announcements_due" ON "announcements" ("scheduled_at") WHERE "status" = 'scheduled';
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_window" CHECK ("ends_at" IS NULL OR "starts_at" IS NULL OR "ends_at" > "starts_at");
  CREATE UNIQUE INDEX "notice_dismissals_member_announcement" ON "notice_dismissals" ("member_id", "announcement_id") WHERE "announcement_id" IS NOT NULL;
  CREATE UNIQUE INDEX "notice_dismissals_member_notice_type" ON "notice_dismissals" ("member_id", "notice_type") WHERE "notice_type" IS NOT NULL;
  CREATE INDEX "member_notes_member_created" ON "member_notes" ("member_id", "pinned", "created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "leads" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "leads_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "member_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "deals_line_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "deals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "announcements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notice_dismissals" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "leads" CASCADE;
  DROP TABLE "leads_texts" CASCADE;
  DROP TABLE "member_notes" CASCADE;
  DROP TABLE "deals_line_items" CASCADE;
  DROP TABLE "deals" CASCADE;
  DROP TABLE "announcements" CASCADE;
  DROP TABLE "notice_dismissals" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_leads_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_member_notes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_deals_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_announcements_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_notice_dismissals_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_leads_id_idx";
  DROP INDEX "payload_locked_documents_rels_member_notes_id_idx";
  DROP INDEX "payload_locked_documents_rels_deals_id_idx";
  DROP INDEX "payload_locked_documents_rels_announcements_id_idx";
  DROP INDEX "payload_locked_documents_rels_notice_dismissals_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "leads_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "member_notes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "deals_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "announcements_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notice_dismissals_id";
  DROP TYPE "public"."enum_leads_status";
  DROP TYPE "public"."enum_leads_source";
  DROP TYPE "public"."enum_member_notes_visibility";
  DROP TYPE "public"."enum_deals_stage";
  DROP TYPE "public"."enum_announcements_priority";
  DROP TYPE "public"."enum_announcements_notice_type";
  DROP TYPE "public"."enum_announcements_status";`)
}
