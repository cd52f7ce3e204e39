import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_automation_templates_steps_channel" AS ENUM('email', 'sms', 'in_app');
  CREATE TYPE "public"."enum_automation_templates_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'time.no_visit', 'time.birthday');
  CREATE TYPE "public"."enum_automation_templates_purpose" AS ENUM('marketing', 'transactional');
  CREATE TYPE "public"."enum_automation_templates_status" AS ENUM('draft', 'active', 'paused');
  CREATE TYPE "public"."enum_automations_steps_channel" AS ENUM('email', 'sms', 'in_app');
  CREATE TYPE "public"."enum_automations_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'time.no_visit', 'time.birthday');
  CREATE TYPE "public"."enum_automations_purpose" AS ENUM('marketing', 'transactional');
  CREATE TYPE "public"."enum_automations_status" AS ENUM('draft', 'active', 'paused');
  CREATE TYPE "public"."enum_automation_logs_channel" AS ENUM('sequence', 'email', 'sms', 'push', 'in_app');
  CREATE TYPE "public"."enum_automation_logs_status" AS ENUM('pending', 'sent', 'failed', 'skipped');
  CREATE TYPE "public"."enum_message_logs_channel" AS ENUM('email', 'sms', 'push', 'in_app', 'call', 'note');
  CREATE TYPE "public"."enum_message_logs_direction" AS ENUM('outbound', 'inbound');
  CREATE TYPE "public"."enum_message_logs_type" AS ENUM('marketing', 'transactional');
  CREATE TYPE "public"."enum_message_logs_status" AS ENUM('pending', 'sent', 'delivered', 'opened', 'bounced', 'failed', 'complained', 'skipped');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendAutomationStep' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'enrolTimeTriggered' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendAutomationStep' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'enrolTimeTriggered' BEFORE 'schedulePublish';
  CREATE TABLE "automation_templates_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"delay_minutes" numeric DEFAULT 0 NOT NULL,
  	"channel" "enum_automation_templates_steps_channel" DEFAULT 'email' NOT NULL,
  	"subject" varchar,
  	"body" varchar NOT NULL
  );
  
  CREATE TABLE "automation_templates" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"trigger_event" "enum_automation_templates_trigger_event" NOT NULL,
  	"trigger_days" numeric,
  	"trigger_condition" jsonb,
  	"purpose" "enum_automation_templates_purpose" DEFAULT 'marketing' NOT NULL,
  	"status" "enum_automation_templates_status" DEFAULT 'draft' NOT NULL,
  	"cooldown_days" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "automations_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"delay_minutes" numeric DEFAULT 0 NOT NULL,
  	"channel" "enum_automations_steps_channel" DEFAULT 'email' NOT NULL,
  	"subject" varchar,
  	"body" varchar NOT NULL
  );
  
  CREATE TABLE "automations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"trigger_event" "enum_automations_trigger_event" NOT NULL,
  	"trigger_days" numeric,
  	"trigger_condition" jsonb,
  	"purpose" "enum_automations_purpose" DEFAULT 'marketing' NOT NULL,
  	"status" "enum_automations_status" DEFAULT 'draft' NOT NULL,
  	"cooldown_days" numeric DEFAULT 0 NOT NULL,
  	"template_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "automation_logs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"automation_id" uuid NOT NULL,
  	"member_id" uuid NOT NULL,
  	"channel" "enum_automation_logs_channel" DEFAULT 'sequence' NOT NULL,
  	"occurrence_key" varchar DEFAULT '' NOT NULL,
  	"triggered_at" timestamp(3) with time zone NOT NULL,
  	"status" "enum_automation_logs_status" DEFAULT 'pending' NOT NULL,
  	"retry_count" numeric DEFAULT 0,
  	"result" varchar,
  	"metadata" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "message_logs_events" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"type" varchar NOT NULL,
  	"occurred_at" timestamp(3) with time zone NOT NULL,
  	"provider_event_id" varchar
  );
  
  CREATE TABLE "message_logs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid,
  	"recipient" varchar NOT NULL,
  	"channel" "enum_message_logs_channel" NOT NULL,
  	"direction" "enum_message_logs_direction" DEFAULT 'outbound' NOT NULL,
  	"type" "enum_message_logs_type" DEFAULT 'marketing' NOT NULL,
  	"subject" varchar,
  	"body" varchar,
  	"status" "enum_message_logs_status" DEFAULT 'pending' NOT NULL,
  	"reason" varchar,
  	"provider" varchar,
  	"provider_message_id" varchar,
  	"error_message" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"delivered_at" timestamp(3) with time zone,
  	"hubspot_engagement_id" varchar,
  	"automation_log_id" uuid,
  	"step" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"type" varchar DEFAULT 'general',
  	"title" varchar NOT NULL,
  	"message" varchar,
  	"action_url" varchar,
  	"action_label" varchar,
  	"read_at" timestamp(3) with time zone,
  	"ref" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenant_settings" ADD COLUMN "marketing_quiet_hours_start" varchar;
  ALTER TABLE "tenant_settings" ADD COLUMN "marketing_quiet_hours_end" varchar;
  ALTER TABLE "tenant_settings" ADD COLUMN "marketing_frequency_cap" numeric;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "automation_templates_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "automations_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "automation_logs_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "message_logs_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" uuid;
  ALTER TABLE "automation_templates_steps" ADD CONSTRAINT "automation_templates_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."automation_templates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "automations_steps" ADD CONSTRAINT "automations_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."automations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "automations" ADD CONSTRAINT "automations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "automations" ADD CONSTRAINT "automations_template_id_automation_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."automation_templates"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "automation_logs" ADD CONSTRAINT "automation_logs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "automation_logs" ADD CONSTRAINT "automation_logs_automation_id_automations_id_fk" FOREIGN KEY ("automation_id") REFERENCES "public"."automations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "automation_logs" ADD CONSTRAINT "automation_logs_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "message_logs_events" ADD CONSTRAINT "message_logs_events_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."message_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "message_logs" ADD CONSTRAINT "message_logs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "message_logs" ADD CONSTRAINT "message_logs_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "message_logs" ADD CONSTRAINT "message_logs_automation_log_id_automation_logs_id_fk" FOREIGN KEY ("automation_log_id") REFERENCES "public"."automation_logs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "automation_templates_steps_order_idx" ON "automation_templates_steps" USING btree ("_order");
  CREATE INDEX "automation_templates_steps_parent_id_idx" ON "automation_templates_steps" USING btree ("_parent_id");
  CREATE INDEX "automation_templates_trigger_event_idx" ON "automation_templates" USING btree ("trigger_event");
  CREATE INDEX "automation_templates_status_idx" ON "automation_templates" USING btree ("status");
  CREATE INDEX "automation_templates_updated_at_idx" ON "automation_templates" USING btree ("updated_at");
  CREATE INDEX "automation_templates_created_at_idx" ON "automation_templates" USING btree ("created_at");
  CREATE INDEX "automations_steps_order_idx" ON "automations_steps" USING btree ("_order");
  CREATE INDEX "automations_steps_parent_id_idx" ON "automations_steps" USING btree ("_parent_id");
  CREATE INDEX "automations_tenant_idx" ON "automations" USING btree ("tenant_id");
  CREATE INDEX "automations_trigger_event_idx" ON "automations" USING btree ("trigger_event");
  CREATE INDEX "automations_status_idx" ON "automations" USING btree ("status");
  CREATE INDEX "automations_template_idx" ON "automations" USING btree ("template_id");
  CREATE INDEX "automations_updated_at_idx" ON "automations" USING btree ("updated_at");
  CREATE INDEX "automations_created_at_idx" ON "automations" USING btree ("created_at");
  CREATE INDEX "tenant_triggerEvent_status_idx" ON "automations" USING btree ("tenant_id","trigger_event","status");
  CREATE UNIQUE INDEX "tenant_template_idx" ON "automations" USING btree ("tenant_id","template_id");
  CREATE INDEX "automation_logs_tenant_idx" ON "automation_logs" USING btree ("tenant_id");
  CREATE INDEX "automation_logs_automation_idx" ON "automation_logs" USING btree ("automation_id");
  CREATE INDEX "automation_logs_member_idx" ON "automation_logs" USING btree ("member_id");
  CREATE INDEX "automation_logs_updated_at_idx" ON "automation_logs" USING btree ("updated_at");
  CREATE INDEX "automation_logs_created_at_idx" ON "automation_logs" USING btree ("created_at");
  CREATE UNIQUE INDEX "automation_member_channel_occurrenceKey_idx" ON "automation_logs" USING btree ("automation_id","member_id","channel","occurrence_key");
  CREATE INDEX "tenant_triggeredAt_idx" ON "automation_logs" USING btree ("tenant_id","triggered_at");
  CREATE INDEX "message_logs_events_order_idx" ON "message_logs_events" USING btree ("_order");
  CREATE INDEX "message_logs_events_parent_id_idx" ON "message_logs_events" USING btree ("_parent_id");
  CREATE INDEX "message_logs_tenant_idx" ON "message_logs" USING btree ("tenant_id");
  CREATE INDEX "message_logs_member_idx" ON "message_logs" USING btree ("member_id");
  CREATE INDEX "message_logs_automation_log_idx" ON "message_logs" USING btree ("automation_log_id");
  CREATE INDEX "message_logs_updated_at_idx" ON "message_logs" USING btree ("updated_at");
  CREATE INDEX "message_logs_created_at_idx" ON "message_logs" USING btree ("created_at");
  CREATE UNIQUE INDEX "provider_providerMessageId_idx" ON "message_logs" USING btree ("provider","provider_message_id");
  CREATE INDEX "member_createdAt_idx" ON "message_logs" USING btree ("member_id","created_at");
  CREATE INDEX "type_status_idx" ON "message_logs" USING btree ("type","status");
  CREATE UNIQUE INDEX "automationLog_step_idx" ON "message_logs" USING btree ("automation_log_id","step");
  CREATE INDEX "notifications_tenant_idx" ON "notifications" USING btree ("tenant_id");
  CREATE INDEX "notifications_member_idx" ON "notifications" USING btree ("member_id");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE INDEX "member_readAt_createdAt_idx" ON "notifications" USING btree ("member_id","read_at","created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_automation_templates_fk" FOREIGN KEY ("automation_templates_id") REFERENCES "public"."automation_templates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_automations_fk" FOREIGN KEY ("automations_id") REFERENCES "public"."automations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_automation_logs_fk" FOREIGN KEY ("automation_logs_id") REFERENCES "public"."automation_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_message_logs_fk" FOREIGN KEY ("message_logs_id") REFERENCES "public"."message_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_automation_templates_id_idx" ON "payload_locked_documents_rels" USING btree ("automation_templates_id");
  CREATE INDEX "payload_locked_documents_rels_automations_id_idx" ON "payload_locked_documents_rels" USING btree ("automations_id");
  CREATE INDEX "payload_locked_documents_rels_automation_logs_id_idx" ON "payload_locked_documents_rels" USING btree ("automation_logs_id");
  CREATE INDEX "payload_locked_documents_rels_message_logs_id_idx" ON "payload_locked_documents_rels" USING btree ("message_logs_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "automation_templates_steps" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "automation_templates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "automations_steps" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "automations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "automation_logs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "message_logs_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "message_logs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "automation_templates_steps" CASCADE;
  DROP TABLE "automation_templates" CASCADE;
  DROP TABLE "automations_steps" CASCADE;
  DROP TABLE "automations" CASCADE;
  DROP TABLE "automation_logs" CASCADE;
  DROP TABLE "message_logs_events" CASCADE;
  DROP TABLE "message_logs" CASCADE;
  DROP TABLE "notifications" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_automation_templates_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_automations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_automation_logs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_message_logs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_notifications_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'sendScheduledAnnouncements', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'sendScheduledAnnouncements', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_automation_templates_id_idx";
  DROP INDEX "payload_locked_documents_rels_automations_id_idx";
  DROP INDEX "payload_locked_documents_rels_automation_logs_id_idx";
  DROP INDEX "payload_locked_documents_rels_message_logs_id_idx";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  ALTER TABLE "tenant_settings" DROP COLUMN "marketing_quiet_hours_start";
  ALTER TABLE "tenant_settings" DROP COLUMN "marketing_quiet_hours_end";
  ALTER TABLE "tenant_settings" DROP COLUMN "marketing_frequency_cap";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "automation_templates_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "automations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "automation_logs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "message_logs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  DROP TYPE "public"."enum_automation_templates_steps_channel";
  DROP TYPE "public"."enum_automation_templates_trigger_event";
  DROP TYPE "public"."enum_automation_templates_purpose";
  DROP TYPE "public"."enum_automation_templates_status";
  DROP TYPE "public"."enum_automations_steps_channel";
  DROP TYPE "public"."enum_automations_trigger_event";
  DROP TYPE "public"."enum_automations_purpose";
  DROP TYPE "public"."enum_automations_status";
  DROP TYPE "public"."enum_automation_logs_channel";
  DROP TYPE "public"."enum_automation_logs_status";
  DROP TYPE "public"."enum_message_logs_channel";
  DROP TYPE "public"."enum_message_logs_direction";
  DROP TYPE "public"."enum_message_logs_type";
  DROP TYPE "public"."enum_message_logs_status";`)
}
