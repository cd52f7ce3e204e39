import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_gbp_posts_kind" AS ENUM('event', 'offer');
  CREATE TYPE "public"."enum_gbp_posts_state" AS ENUM('pending', 'creating', 'posted', 'deleted', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'syncGbpPost' BEFORE 'deliverWebhooks';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'syncGbpPost' BEFORE 'deliverWebhooks';
  CREATE TABLE "gbp_posts" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"kind" "enum_gbp_posts_kind" NOT NULL,
  	"local_id" varchar NOT NULL,
  	"location_id" uuid,
  	"gbp_location" varchar NOT NULL,
  	"state" "enum_gbp_posts_state" DEFAULT 'pending' NOT NULL,
  	"remote_name" varchar,
  	"last_body" jsonb,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"claimed_until" timestamp(3) with time zone,
  	"synced_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "gbp_posts_id" uuid;
  ALTER TABLE "gbp_posts" ADD CONSTRAINT "gbp_posts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gbp_posts" ADD CONSTRAINT "gbp_posts_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "gbp_posts_tenant_idx" ON "gbp_posts" USING btree ("tenant_id");
  CREATE INDEX "gbp_posts_location_idx" ON "gbp_posts" USING btree ("location_id");
  CREATE INDEX "gbp_posts_updated_at_idx" ON "gbp_posts" USING btree ("updated_at");
  CREATE INDEX "gbp_posts_created_at_idx" ON "gbp_posts" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_kind_localId_gbpLocation_idx" ON "gbp_posts" USING btree ("tenant_id","kind","local_id","gbp_location");
  CREATE INDEX "tenant_state_idx" ON "gbp_posts" USING btree ("tenant_id","state");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_gbp_posts_fk" FOREIGN KEY ("gbp_posts_id") REFERENCES "public"."gbp_posts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_gbp_posts_id_idx" ON "payload_locked_documents_rels" USING btree ("gbp_posts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "gbp_posts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "gbp_posts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_gbp_posts_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'deliverWebhooks', 'postSlackMessage', 'sendAutomationStep', 'enrolTimeTriggered', 'sendScheduledAnnouncements', 'mailchimpSyncMember', 'mailchimpResync', 'hubspotSync', 'hubspotReconcile', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'deliverWebhooks', 'postSlackMessage', 'sendAutomationStep', 'enrolTimeTriggered', 'sendScheduledAnnouncements', 'mailchimpSyncMember', 'mailchimpResync', 'hubspotSync', 'hubspotReconcile', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_gbp_posts_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "gbp_posts_id";
  DROP TYPE "public"."enum_gbp_posts_kind";
  DROP TYPE "public"."enum_gbp_posts_state";`)
}
