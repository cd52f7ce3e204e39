import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Group appointments, guest appointments and the event waitlist. A provider's booked appointments
 * may overlap only as places of one group slot (same service and start; two exclusion constraints
 * replace the single one), a one-on-one slot holds one booking and a member one place per slot
 * (partial unique indexes), an appointment is for a member or a named guest with an e-mail, an
 * event's waitlist counter stays within [0, waitlistCapacity], a member has one going or
 * waitlisted RSVP per event, and a waitlist position sits exactly on waitlisted RSVPs.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE appointments DROP CONSTRAINT IF EXISTS appointments_provider_no_overlap;
    ALTER TABLE appointments ADD CONSTRAINT appointments_provider_no_overlap
      EXCLUDE USING gist (provider_id WITH =, tstzrange(blocked_from, blocked_until) WITH &&, service_id WITH <>) WHERE (status = 'booked');
    ALTER TABLE appointments ADD CONSTRAINT appointments_provider_no_overlap_start
      EXCLUDE USING gist (provider_id WITH =, tstzrange(blocked_from, blocked_until) WITH &&, start_time WITH <>) WHERE (status = 'booked');
    CREATE UNIQUE INDEX appointments_one_on_one ON appointments (provider_id, start_time) WHERE status = 'booked' AND coalesce(capacity, 1) <= 1;
    CREATE UNIQUE INDEX appointments_one_place_per_member ON appointments (provider_id, start_time, member_id) WHERE status = 'booked';
    ALTER TABLE appointments ADD CONSTRAINT appointments_member_or_guest
      CHECK (member_id IS NOT NULL OR (guest_name IS NOT NULL AND guest_email IS NOT NULL));
    ALTER TABLE appointment_services ADD CONSTRAINT appointment_services_capacity_positive CHECK (capacity IS NULL OR capacity >= 1);

    UPDATE events SET waitlist_count = 0 WHERE waitlist_count IS NULL;
    UPDATE events SET waitlist_capacity = 0 WHERE waitlist_capacity IS NULL;
    ALTER TABLE events ALTER COLUMN waitlist_count SET NOT NULL, ALTER COLUMN waitlist_capacity SET NOT NULL;
    ALTER TABLE events ADD CONSTRAINT events_waitlist_within_capacity CHECK (waitlist_count >= 0 AND waitlist_count <= waitlist_capacity);
    DROP INDEX IF EXISTS event_rsvps_one_per_member;
    CREATE UNIQUE INDEX event_rsvps_one_per_member ON event_rsvps (event_id, member_id) WHERE status IN ('going', 'waitlisted');
    ALTER TABLE event_rsvps ADD CONSTRAINT event_rsvps_waitlist_position_iff_waitlisted
      CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL) AND (waitlist_position IS NULL OR waitlist_position >= 1));
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE event_rsvps DROP CONSTRAINT IF EXISTS event_rsvps_waitlist_position_iff_waitlisted;
    DROP INDEX IF EXISTS event_rsvps_one_per_member;
    CREATE UNIQUE INDEX event_rsvps_one_per_member ON event_rsvps (event_id, member_id) WHERE status = 'going';
    ALTER TABLE events DROP CONSTRAINT IF EXISTS events_waitlist_within_capacity;
    ALTER TABLE events ALTER COLUMN waitlist_count DROP NOT NULL, ALTER COLUMN waitlist_capacity DROP NOT NULL;
    ALTER TABLE appointment_services DROP CONSTRAINT IF EXISTS appointment_services_capacity_positive;
    ALTER TABLE appointments DROP CONSTRAINT IF EXISTS appointments_member_or_guest;
    DROP INDEX IF EXISTS appointments_one_place_per_member;
    DROP INDEX IF EXISTS appointments_one_on_one;
    ALTER TABLE appointments DROP CONSTRAINT IF EXISTS appointments_provider_no_overlap_start;
    ALTER TABLE appointments DROP CONSTRAINT IF EXISTS appointments_provider_no_overlap;
    ALTER TABLE appointments ADD CONSTRAINT appointments_provider_no_overlap
      EXCLUDE USING gist (provider_id WITH =, tstzrange(blocked_from, blocked_until) WITH &&) WHERE (status = 'booked');
  `)
}
