import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_suppressions_channel" AS ENUM('email', 'sms');
  CREATE TYPE "public"."enum_suppressions_reason" AS ENUM('hard_bounce', 'complaint', 'sms_opt_out', 'sms_undeliverable', 'manual');
  ALTER TYPE "public"."enum_inbound_webhooks_source" ADD VALUE 'sms';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'mailchimpSyncMember' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'mailchimpResync' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'mailchimpSyncMember' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'mailchimpResync' BEFORE 'schedulePublish';
  CREATE TABLE "suppressions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"channel" "enum_suppressions_channel" NOT NULL,
  	"address" varchar NOT NULL,
  	"reason" "enum_suppressions_reason" DEFAULT 'manual' NOT NULL,
  	"detail" varchar,
  	"message_log_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "suppressions_id" uuid;
  ALTER TABLE "suppressions" ADD CONSTRAINT "suppressions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "suppressions" ADD CONSTRAINT "suppressions_message_log_id_message_logs_id_fk" FOREIGN KEY ("message_log_id") REFERENCES "public"."message_logs"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "suppressions_tenant_idx" ON "suppressions" USING btree ("tenant_id");
  CREATE INDEX "suppressions_message_log_idx" ON "suppressions" USING btree ("message_log_id");
  CREATE INDEX "suppressions_updated_at_idx" ON "suppressions" USING btree ("updated_at");
  CREATE INDEX "suppressions_created_at_idx" ON "suppressions" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_channel_address_idx" ON "suppressions" USING btree ("tenant_id","channel","address");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_suppressions_fk" FOREIGN KEY ("suppressions_id") REFERENCES "public"."suppressions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_suppressions_id_idx" ON "payload_locked_documents_rels" USING btree ("suppressions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "suppressions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "suppressions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_suppressions_fk";
  
  ALTER TABLE "inbound_webhooks" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_inbound_webhooks_source";
  CREATE TYPE "public"."enum_inbound_webhooks_source" AS ENUM('stripe', 'trackman', 'hubspot', 'email', 'cloudflare_stream', 'eventbrite', 'test');
  ALTER TABLE "inbound_webhooks" ALTER COLUMN "source" SET DATA TYPE "public"."enum_inbound_webhooks_source" USING "source"::"public"."enum_inbound_webhooks_source";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'deliverWebhooks', 'postSlackMessage', 'sendAutomationStep', 'enrolTimeTriggered', 'sendScheduledAnnouncements', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'deliverWebhooks', 'postSlackMessage', 'sendAutomationStep', 'enrolTimeTriggered', 'sendScheduledAnnouncements', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_suppressions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "suppressions_id";
  DROP TYPE "public"."enum_suppressions_channel";
  DROP TYPE "public"."enum_suppressions_reason";`)
}
