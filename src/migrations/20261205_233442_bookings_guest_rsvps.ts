import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * E-mail-only (guest) event RSVPs and cancel links for guest bookings: an RSVP is for a member or a
 * named guest with an e-mail, one going or waitlisted RSVP per e-mail per event, the sha256 of each
 * guest booking's cancel token (unique), and the tenant settings for public RSVPs and the per-e-mail
 * limit of guest appointments.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "event_rsvps" ALTER COLUMN "member_id" DROP NOT NULL;
  ALTER TABLE "tenant_settings" ADD COLUMN "bookings_public_event_rsvp" boolean DEFAULT false;
  ALTER TABLE "tenant_settings" ADD COLUMN "bookings_guest_bookings_per_email" numeric DEFAULT 2;
  ALTER TABLE "appointments" ADD COLUMN "cancel_token_hash" varchar;
  ALTER TABLE "event_rsvps" ADD COLUMN "guest_name" varchar;
  ALTER TABLE "event_rsvps" ADD COLUMN "guest_email" varchar;
  ALTER TABLE "event_rsvps" ADD COLUMN "guest_phone" varchar;
  ALTER TABLE "event_rsvps" ADD COLUMN "cancel_token_hash" varchar;
  CREATE UNIQUE INDEX "appointments_cancel_token_hash_idx" ON "appointments" USING btree ("cancel_token_hash");
  CREATE UNIQUE INDEX "event_rsvps_cancel_token_hash_idx" ON "event_rsvps" USING btree ("cancel_token_hash");
  ALTER TABLE event_rsvps ADD CONSTRAINT event_rsvps_member_or_guest
    CHECK (member_id IS NOT NULL OR (guest_name IS NOT NULL AND guest_email IS NOT NULL));
  CREATE UNIQUE INDEX event_rsvps_one_per_guest_email ON event_rsvps (event_id, lower(guest_email))
    WHERE member_id IS NULL AND status IN ('going', 'waitlisted');
  CREATE INDEX appointments_guest_email ON appointments (tenant_id, lower(guest_email), start_time) WHERE member_id IS NULL AND status = 'booked';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX IF EXISTS appointments_guest_email;
  DROP INDEX IF EXISTS event_rsvps_one_per_guest_email;
  ALTER TABLE event_rsvps DROP CONSTRAINT IF EXISTS event_rsvps_member_or_guest;
  DELETE FROM event_rsvps WHERE member_id IS NULL;
  DROP INDEX "appointments_cancel_token_hash_idx";
  DROP INDEX "event_rsvps_cancel_token_hash_idx";
  ALTER TABLE "event_rsvps" ALTER COLUMN "member_id" SET NOT NULL;
  ALTER TABLE "tenant_settings" DROP COLUMN "bookings_public_event_rsvp";
  ALTER TABLE "tenant_settings" DROP COLUMN "bookings_guest_bookings_per_email";
  ALTER TABLE "appointments" DROP COLUMN "cancel_token_hash";
  ALTER TABLE "event_rsvps" DROP COLUMN "guest_name";
  ALTER TABLE "event_rsvps" DROP COLUMN "guest_email";
  ALTER TABLE "event_rsvps" DROP COLUMN "guest_phone";
  ALTER TABLE "event_rsvps" DROP COLUMN "cancel_token_hash";`)
}
