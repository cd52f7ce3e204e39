import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_hubspot_outbox_object_kind" AS ENUM('member', 'lead', 'deal', 'order', 'tour');
  CREATE TYPE "public"."enum_hubspot_outbox_status" AS ENUM('pending', 'sent', 'dead');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'hubspotSync' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'hubspotReconcile' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'hubspotSync' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'hubspotReconcile' BEFORE 'schedulePublish';
  CREATE TABLE "hubspot_outbox" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"object_kind" "enum_hubspot_outbox_object_kind" NOT NULL,
  	"local_id" varchar NOT NULL,
  	"state" jsonb NOT NULL,
  	"version" numeric DEFAULT 1 NOT NULL,
  	"status" "enum_hubspot_outbox_status" DEFAULT 'pending' NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"next_attempt_at" timestamp(3) with time zone,
  	"claimed_until" timestamp(3) with time zone,
  	"remote_id" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "hubspot_rate_limits" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"tokens" numeric DEFAULT 0 NOT NULL,
  	"refilled_at" timestamp(3) with time zone NOT NULL,
  	"blocked_until" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "hubspot_outbox_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "hubspot_rate_limits_id" uuid;
  ALTER TABLE "hubspot_outbox" ADD CONSTRAINT "hubspot_outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "hubspot_outbox_tenant_idx" ON "hubspot_outbox" USING btree ("tenant_id");
  CREATE INDEX "hubspot_outbox_updated_at_idx" ON "hubspot_outbox" USING btree ("updated_at");
  CREATE INDEX "hubspot_outbox_created_at_idx" ON "hubspot_outbox" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_objectKind_localId_idx" ON "hubspot_outbox" USING btree ("tenant_id","object_kind","local_id");
  CREATE INDEX "tenant_status_nextAttemptAt_idx" ON "hubspot_outbox" USING btree ("tenant_id","status","next_attempt_at");
  CREATE INDEX "tenant_objectKind_remoteId_idx" ON "hubspot_outbox" USING btree ("tenant_id","object_kind","remote_id");
  CREATE UNIQUE INDEX "hubspot_rate_limits_key_idx" ON "hubspot_rate_limits" USING btree ("key");
  CREATE INDEX "hubspot_rate_limits_updated_at_idx" ON "hubspot_rate_limits" USING btree ("updated_at");
  CREATE INDEX "hubspot_rate_limits_created_at_idx" ON "hubspot_rate_limits" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_hubspot_outbox_fk" FOREIGN KEY ("hubspot_outbox_id") REFERENCES "public"."hubspot_outbox"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_hubspot_rate_limits_fk" FOREIGN KEY ("hubspot_rate_limits_id") REFERENCES "public"."hubspot_rate_limits"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_hubspot_outbox_id_idx" ON "payload_locked_documents_rels" USING btree ("hubspot_outbox_id");
  CREATE INDEX "payload_locked_documents_rels_hubspot_rate_limits_id_idx" ON "payload_locked_documents_rels" USING btree ("hubspot_rate_limits_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "hubspot_outbox" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "hubspot_rate_limits" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "hubspot_outbox" CASCADE;
  DROP TABLE "hubspot_rate_limits" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_hubspot_outbox_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_hubspot_rate_limits_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'sendScheduledAnnouncements', 'sendAutomationStep', 'enrolTimeTriggered', 'deliverWebhooks', 'postSlackMessage', 'mailchimpSyncMember', 'mailchimpResync', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'sendScheduledAnnouncements', 'sendAutomationStep', 'enrolTimeTriggered', 'deliverWebhooks', 'postSlackMessage', 'mailchimpSyncMember', 'mailchimpResync', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_hubspot_outbox_id_idx";
  DROP INDEX "payload_locked_documents_rels_hubspot_rate_limits_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "hubspot_outbox_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "hubspot_rate_limits_id";
  DROP TYPE "public"."enum_hubspot_outbox_object_kind";
  DROP TYPE "public"."enum_hubspot_outbox_status";`)
}
