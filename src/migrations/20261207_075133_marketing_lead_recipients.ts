import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_automation_templates_trigger_event" ADD VALUE 'lead.created' BEFORE 'time.no_visit';
  ALTER TYPE "public"."enum_automations_trigger_event" ADD VALUE 'lead.created' BEFORE 'time.no_visit';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'hubspotEnsureProperties' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'hubspotEnsureProperties' BEFORE 'schedulePublish';
  ALTER TABLE "automation_logs" ALTER COLUMN "member_id" DROP NOT NULL;
  ALTER TABLE "automation_logs" ADD COLUMN "lead_id" uuid;
  ALTER TABLE "message_logs" ADD COLUMN "lead_id" uuid;
  ALTER TABLE "leads" ADD COLUMN "marketing_consent_at" timestamp(3) with time zone;
  ALTER TABLE "leads" ADD COLUMN "unsubscribed_at" timestamp(3) with time zone;
  ALTER TABLE "automation_logs" ADD CONSTRAINT "automation_logs_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "message_logs" ADD CONSTRAINT "message_logs_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "automation_logs_lead_idx" ON "automation_logs" USING btree ("lead_id");
  CREATE UNIQUE INDEX "automation_lead_channel_occurrenceKey_idx" ON "automation_logs" USING btree ("automation_id","lead_id","channel","occurrence_key");
  CREATE INDEX "message_logs_lead_idx" ON "message_logs" USING btree ("lead_id");
  CREATE INDEX "lead_createdAt_idx" ON "message_logs" USING btree ("lead_id","created_at");
  ALTER TABLE "automation_logs" ADD CONSTRAINT "automation_logs_member_or_lead" CHECK (num_nonnulls("member_id", "lead_id") = 1);
  ALTER TABLE "message_logs" ADD CONSTRAINT "message_logs_not_member_and_lead" CHECK ("member_id" IS NULL OR "lead_id" IS NULL);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "automation_logs" DROP CONSTRAINT IF EXISTS "automation_logs_member_or_lead";
  ALTER TABLE "message_logs" DROP CONSTRAINT IF EXISTS "message_logs_not_member_and_lead";
  DELETE FROM "message_logs" WHERE "lead_id" IS NOT NULL;
  DELETE FROM "automation_logs" WHERE "lead_id" IS NOT NULL;
  ALTER TABLE "automation_logs" DROP CONSTRAINT IF EXISTS "automation_logs_lead_id_leads_id_fk";
  
  ALTER TABLE "message_logs" DROP CONSTRAINT IF EXISTS "message_logs_lead_id_leads_id_fk";
  
  ALTER TABLE "automation_templates" ALTER COLUMN "trigger_event" SET DATA TYPE text;
  DROP TYPE "public"."enum_automation_templates_trigger_event";
  CREATE TYPE "public"."enum_automation_templates_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'visit.milestone', 'order.abandoned', 'time.no_visit', 'time.birthday', 'time.intro_ending', 'time.low_credits', 'time.pack_expiring', 'time.membership_expiring');
  ALTER TABLE "automation_templates" ALTER COLUMN "trigger_event" SET DATA TYPE "public"."enum_automation_templates_trigger_event" USING "trigger_event"::"public"."enum_automation_templates_trigger_event";
  ALTER TABLE "automations" ALTER COLUMN "trigger_event" SET DATA TYPE text;
  DROP TYPE "public"."enum_automations_trigger_event";
  CREATE TYPE "public"."enum_automations_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'visit.milestone', 'order.abandoned', 'time.no_visit', 'time.birthday', 'time.intro_ending', 'time.low_credits', 'time.pack_expiring', 'time.membership_expiring');
  ALTER TABLE "automations" ALTER COLUMN "trigger_event" SET DATA TYPE "public"."enum_automations_trigger_event" USING "trigger_event"::"public"."enum_automations_trigger_event";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'syncGbpPost', 'deliverWebhooks', 'postSlackMessage', 'sendAutomationStep', 'enrolTimeTriggered', 'sendScheduledAnnouncements', 'mailchimpSyncMember', 'mailchimpResync', 'hubspotSync', 'hubspotReconcile', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'syncGbpPost', 'deliverWebhooks', 'postSlackMessage', 'sendAutomationStep', 'enrolTimeTriggered', 'sendScheduledAnnouncements', 'mailchimpSyncMember', 'mailchimpResync', 'hubspotSync', 'hubspotReconcile', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "automation_logs_lead_idx";
  DROP INDEX "automation_lead_channel_occurrenceKey_idx";
  DROP INDEX "message_logs_lead_idx";
  DROP INDEX "lead_createdAt_idx";
  ALTER TABLE "automation_logs" ALTER COLUMN "member_id" SET NOT NULL;
  ALTER TABLE "automation_logs" DROP COLUMN "lead_id";
  ALTER TABLE "message_logs" DROP COLUMN "lead_id";
  ALTER TABLE "leads" DROP COLUMN "marketing_consent_at";
  ALTER TABLE "leads" DROP COLUMN "unsubscribed_at";`)
}
