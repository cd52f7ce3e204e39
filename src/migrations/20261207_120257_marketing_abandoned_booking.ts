import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_automation_templates_trigger_event" ADD VALUE 'booking.abandoned' BEFORE 'lead.created';
  ALTER TYPE "public"."enum_automations_trigger_event" ADD VALUE 'booking.abandoned' BEFORE 'lead.created';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "automation_templates" ALTER COLUMN "trigger_event" SET DATA TYPE text;
  DROP TYPE "public"."enum_automation_templates_trigger_event";
  CREATE TYPE "public"."enum_automation_templates_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'booking.no_show', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'visit.milestone', 'order.abandoned', 'lead.created', 'time.no_visit', 'time.birthday', 'time.intro_ending', 'time.low_credits', 'time.pack_expiring', 'time.membership_expiring');
  ALTER TABLE "automation_templates" ALTER COLUMN "trigger_event" SET DATA TYPE "public"."enum_automation_templates_trigger_event" USING "trigger_event"::"public"."enum_automation_templates_trigger_event";
  ALTER TABLE "automations" ALTER COLUMN "trigger_event" SET DATA TYPE text;
  DROP TYPE "public"."enum_automations_trigger_event";
  CREATE TYPE "public"."enum_automations_trigger_event" AS ENUM('member.created', 'booking.created', 'booking.checked_in', 'booking.cancelled', 'booking.no_show', 'appointment.no_show', 'booking.promoted', 'subscription.past_due', 'order.paid', 'course.completed', 'form.submitted', 'visit.milestone', 'order.abandoned', 'lead.created', 'time.no_visit', 'time.birthday', 'time.intro_ending', 'time.low_credits', 'time.pack_expiring', 'time.membership_expiring');
  ALTER TABLE "automations" ALTER COLUMN "trigger_event" SET DATA TYPE "public"."enum_automations_trigger_event" USING "trigger_event"::"public"."enum_automations_trigger_event";`)
}
