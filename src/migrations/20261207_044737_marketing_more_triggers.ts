import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_automation_templates_trigger_event" ADD VALUE 'visit.milestone' BEFORE 'time.no_visit';
  ALTER TYPE "public"."enum_automation_templates_trigger_event" ADD VALUE 'order.abandoned' BEFORE 'time.no_visit';
  ALTER TYPE "public"."enum_automations_trigger_event" ADD VALUE 'visit.milestone' BEFORE 'time.no_visit';
  ALTER TYPE "public"."enum_automations_trigger_event" ADD VALUE 'order.abandoned' BEFORE 'time.no_visit';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "automation_templates" ALTER COLUMN "trigger_event" SET DATA TYPE text;
  DROP TYPE "public"."enum_automation_templates_trigger_event";
  CREATE TYPE "public"."enum_automation_templates_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'time.no_visit', 'time.birthday', 'time.intro_ending', 'time.low_credits', 'time.pack_expiring', 'time.membership_expiring');
  ALTER TABLE "automation_templates" ALTER COLUMN "trigger_event" SET DATA TYPE "public"."enum_automation_templates_trigger_event" USING "trigger_event"::"public"."enum_automation_templates_trigger_event";
  ALTER TABLE "automations" ALTER COLUMN "trigger_event" SET DATA TYPE text;
  DROP TYPE "public"."enum_automations_trigger_event";
  CREATE TYPE "public"."enum_automations_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'time.no_visit', 'time.birthday', 'time.intro_ending', 'time.low_credits', 'time.pack_expiring', 'time.membership_expiring');
  ALTER TABLE "automations" ALTER COLUMN "trigger_event" SET DATA TYPE "public"."enum_automations_trigger_event" USING "trigger_event"::"public"."enum_automations_trigger_event";`)
}
