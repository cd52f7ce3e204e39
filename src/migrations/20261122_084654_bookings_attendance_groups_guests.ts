import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_event_rsvps_status" ADD VALUE 'waitlisted' BEFORE 'cancelled';
  ALTER TABLE "appointments" ALTER COLUMN "member_id" DROP NOT NULL;
  ALTER TABLE "appointment_services" ADD COLUMN "capacity" numeric DEFAULT 1;
  ALTER TABLE "appointments" ADD COLUMN "guest_name" varchar;
  ALTER TABLE "appointments" ADD COLUMN "guest_email" varchar;
  ALTER TABLE "appointments" ADD COLUMN "guest_phone" varchar;
  ALTER TABLE "appointments" ADD COLUMN "capacity" numeric;
  ALTER TABLE "appointments" ADD COLUMN "checked_in_at" timestamp(3) with time zone;
  ALTER TABLE "events" ADD COLUMN "waitlist_capacity" numeric DEFAULT 0;
  ALTER TABLE "events" ADD COLUMN "waitlist_count" numeric DEFAULT 0;
  ALTER TABLE "event_rsvps" ADD COLUMN "waitlist_position" numeric;
  ALTER TABLE "event_rsvps" ADD COLUMN "waitlisted_at" timestamp(3) with time zone;
  ALTER TABLE "event_rsvps" ADD COLUMN "promoted_at" timestamp(3) with time zone;
  ALTER TABLE "event_rsvps" ADD COLUMN "checked_in_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX IF EXISTS event_rsvps_one_per_member;
   ALTER TABLE "event_rsvps" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "event_rsvps" ALTER COLUMN "status" SET DEFAULT 'going'::text;
  DROP TYPE "public"."enum_event_rsvps_status";
  CREATE TYPE "public"."enum_event_rsvps_status" AS ENUM('going', 'cancelled', 'attended', 'no_show');
  ALTER TABLE "event_rsvps" ALTER COLUMN "status" SET DEFAULT 'going'::"public"."enum_event_rsvps_status";
  ALTER TABLE "event_rsvps" ALTER COLUMN "status" SET DATA TYPE "public"."enum_event_rsvps_status" USING "status"::"public"."enum_event_rsvps_status";
  ALTER TABLE "appointments" ALTER COLUMN "member_id" SET NOT NULL;
  ALTER TABLE "appointment_services" DROP COLUMN "capacity";
  ALTER TABLE "appointments" DROP COLUMN "guest_name";
  ALTER TABLE "appointments" DROP COLUMN "guest_email";
  ALTER TABLE "appointments" DROP COLUMN "guest_phone";
  ALTER TABLE "appointments" DROP COLUMN "capacity";
  ALTER TABLE "appointments" DROP COLUMN "checked_in_at";
  ALTER TABLE "events" DROP COLUMN "waitlist_capacity";
  ALTER TABLE "events" DROP COLUMN "waitlist_count";
  ALTER TABLE "event_rsvps" DROP COLUMN "waitlist_position";
  ALTER TABLE "event_rsvps" DROP COLUMN "waitlisted_at";
  ALTER TABLE "event_rsvps" DROP COLUMN "promoted_at";
  ALTER TABLE "event_rsvps" DROP COLUMN "checked_in_at";
  CREATE UNIQUE INDEX event_rsvps_one_per_member ON event_rsvps (event_id, member_id) WHERE status = 'going';`)
}
