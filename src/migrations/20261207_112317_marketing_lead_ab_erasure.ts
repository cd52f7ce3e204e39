import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_automations_goal_type" AS ENUM('booking_or_order', 'booking', 'order', 'conversion');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'mailchimpDeletePermanent' BEFORE 'hubspotSync';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'mailchimpDeletePermanent' BEFORE 'hubspotSync';
  ALTER TABLE "automation_assignments" ALTER COLUMN "member_id" DROP NOT NULL;
  ALTER TABLE "tenant_memberships" ADD COLUMN "anonymised_at" timestamp(3) with time zone;
  ALTER TABLE "automations" ADD COLUMN "goal_type" "enum_automations_goal_type" DEFAULT 'booking_or_order';
  ALTER TABLE "automation_assignments" ADD COLUMN "lead_id" uuid;
  ALTER TABLE "leads" ADD COLUMN "anonymised_at" timestamp(3) with time zone;
  ALTER TABLE "automation_assignments" ADD CONSTRAINT "automation_assignments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "automation_assignments_lead_idx" ON "automation_assignments" USING btree ("lead_id");
  CREATE UNIQUE INDEX "automation_lead_idx" ON "automation_assignments" USING btree ("automation_id","lead_id");
  ALTER TABLE "automation_assignments" DROP CONSTRAINT IF EXISTS "automation_assignments_lead_id_leads_id_fk";
  ALTER TABLE "automation_assignments" ADD CONSTRAINT "automation_assignments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "automation_assignments" ADD CONSTRAINT "automation_assignments_member_or_lead" CHECK (num_nonnulls("member_id", "lead_id") = 1);
  ALTER TABLE "automation_logs" DROP CONSTRAINT IF EXISTS "automation_logs_lead_id_leads_id_fk";
  ALTER TABLE "automation_logs" ADD CONSTRAINT "automation_logs_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "automation_assignments" DROP CONSTRAINT IF EXISTS "automation_assignments_member_or_lead";
  ALTER TABLE "automation_logs" DROP CONSTRAINT IF EXISTS "automation_logs_lead_id_leads_id_fk";
  ALTER TABLE "automation_logs" ADD CONSTRAINT "automation_logs_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;
  DELETE FROM "automation_assignments" WHERE "lead_id" IS NOT NULL;
  ALTER TABLE "automation_assignments" DROP CONSTRAINT IF EXISTS "automation_assignments_lead_id_leads_id_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'expireCreditLots', 'materializeClassSeries', 'completeClasses', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'expireWaitlistOffers', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expirePendingOrders', 'sendGuestConfirmation', 'sendWaitlistNotice', 'transcodeMedia', 'removeMediaHls', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'schedulePublish', 'sendScheduledAnnouncements', 'sendAutomationStep', 'enrolTimeTriggered', 'deliverWebhooks', 'postSlackMessage', 'mailchimpSyncMember', 'mailchimpResync', 'hubspotSync', 'hubspotReconcile', 'syncGbpPost', 'hubspotEnsureProperties', 'sendEmailVerification', 'facilityTrackmanImport');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'expireCreditLots', 'materializeClassSeries', 'completeClasses', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'expireWaitlistOffers', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expirePendingOrders', 'sendGuestConfirmation', 'sendWaitlistNotice', 'transcodeMedia', 'removeMediaHls', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'schedulePublish', 'sendScheduledAnnouncements', 'sendAutomationStep', 'enrolTimeTriggered', 'deliverWebhooks', 'postSlackMessage', 'mailchimpSyncMember', 'mailchimpResync', 'hubspotSync', 'hubspotReconcile', 'syncGbpPost', 'hubspotEnsureProperties', 'sendEmailVerification', 'facilityTrackmanImport');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX IF EXISTS "automation_assignments_lead_idx";
  DROP INDEX IF EXISTS "automation_lead_idx";
  ALTER TABLE "automation_assignments" ALTER COLUMN "member_id" SET NOT NULL;
  ALTER TABLE "tenant_memberships" DROP COLUMN "anonymised_at";
  ALTER TABLE "automations" DROP COLUMN "goal_type";
  ALTER TABLE "automation_assignments" DROP COLUMN "lead_id";
  ALTER TABLE "leads" DROP COLUMN "anonymised_at";
  DROP TYPE "public"."enum_automations_goal_type";`)
}
