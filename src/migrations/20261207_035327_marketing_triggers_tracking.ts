import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_automation_templates_trigger_event" ADD VALUE 'time.intro_ending';
  ALTER TYPE "public"."enum_automation_templates_trigger_event" ADD VALUE 'time.low_credits';
  ALTER TYPE "public"."enum_automation_templates_trigger_event" ADD VALUE 'time.pack_expiring';
  ALTER TYPE "public"."enum_automation_templates_trigger_event" ADD VALUE 'time.membership_expiring';
  ALTER TYPE "public"."enum_automations_trigger_event" ADD VALUE 'time.intro_ending';
  ALTER TYPE "public"."enum_automations_trigger_event" ADD VALUE 'time.low_credits';
  ALTER TYPE "public"."enum_automations_trigger_event" ADD VALUE 'time.pack_expiring';
  ALTER TYPE "public"."enum_automations_trigger_event" ADD VALUE 'time.membership_expiring';
  ALTER TYPE "public"."enum_leads_source" ADD VALUE 'facility_guest' BEFORE 'walk_in';
  ALTER TABLE "automation_templates" ADD COLUMN "trigger_threshold" numeric;
  ALTER TABLE "automations" ADD COLUMN "trigger_threshold" numeric;
  ALTER TABLE "message_logs" ADD COLUMN "opened_at" timestamp(3) with time zone;
  ALTER TABLE "message_logs" ADD COLUMN "clicked_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "automation_templates" ALTER COLUMN "trigger_event" SET DATA TYPE text;
  DROP TYPE "public"."enum_automation_templates_trigger_event";
  CREATE TYPE "public"."enum_automation_templates_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'time.no_visit', 'time.birthday');
  ALTER TABLE "automation_templates" ALTER COLUMN "trigger_event" SET DATA TYPE "public"."enum_automation_templates_trigger_event" USING "trigger_event"::"public"."enum_automation_templates_trigger_event";
  ALTER TABLE "automations" ALTER COLUMN "trigger_event" SET DATA TYPE text;
  DROP TYPE "public"."enum_automations_trigger_event";
  CREATE TYPE "public"."enum_automations_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'time.no_visit', 'time.birthday');
  ALTER TABLE "automations" ALTER COLUMN "trigger_event" SET DATA TYPE "public"."enum_automations_trigger_event" USING "trigger_event"::"public"."enum_automations_trigger_event";
  ALTER TABLE "leads" ALTER COLUMN "source" SET DATA TYPE text;
  ALTER TABLE "leads" ALTER COLUMN "source" SET DEFAULT 'staff'::text;
  DROP TYPE "public"."enum_leads_source";
  CREATE TYPE "public"."enum_leads_source" AS ENUM('website_form', 'tour', 'guest_booking', 'event_rsvp', 'walk_in', 'referral', 'import', 'staff', 'other');
  ALTER TABLE "leads" ALTER COLUMN "source" SET DEFAULT 'staff'::"public"."enum_leads_source";
  ALTER TABLE "leads" ALTER COLUMN "source" SET DATA TYPE "public"."enum_leads_source" USING "source"::"public"."enum_leads_source";
  ALTER TABLE "automation_templates" DROP COLUMN "trigger_threshold";
  ALTER TABLE "automations" DROP COLUMN "trigger_threshold";
  ALTER TABLE "message_logs" DROP COLUMN "opened_at";
  ALTER TABLE "message_logs" DROP COLUMN "clicked_at";`)
}
