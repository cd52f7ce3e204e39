import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Appointments, availability and events invariants Payload's field config cannot express: a
 * provider's booked appointments never overlap (buffers included; an exclusion constraint backs
 * the row lock), availability rules end after they start, an event's counter stays within
 * [0, capacity], one active RSVP per member and event, an offered booking holds a place and is
 * unique like confirmed ones, and a calendar-token hash belongs to one membership.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE EXTENSION IF NOT EXISTS btree_gist;
    ALTER TABLE appointments ADD CONSTRAINT appointments_end_after_start CHECK (end_time > start_time);
    ALTER TABLE appointments ADD CONSTRAINT appointments_blocked_covers_time
      CHECK (blocked_from IS NOT NULL AND blocked_until IS NOT NULL AND blocked_from <= start_time AND blocked_until >= end_time);
    ALTER TABLE appointments ADD CONSTRAINT appointments_provider_no_overlap
      EXCLUDE USING gist (provider_id WITH =, tstzrange(blocked_from, blocked_until) WITH &&) WHERE (status = 'booked');

    ALTER TABLE availability_rules ADD CONSTRAINT availability_rules_end_after_start CHECK (start_local < end_local);
    ALTER TABLE availability_rules ADD CONSTRAINT availability_rules_weekday_range CHECK (weekday BETWEEN 0 AND 6);

    UPDATE events SET going_count = 0 WHERE going_count IS NULL;
    ALTER TABLE events ALTER COLUMN going_count SET NOT NULL;
    ALTER TABLE events ADD CONSTRAINT events_going_within_capacity CHECK (going_count >= 0 AND (capacity IS NULL OR going_count <= capacity));
    ALTER TABLE events ADD CONSTRAINT events_end_after_start CHECK (end_time > start_time);
    CREATE UNIQUE INDEX event_rsvps_one_per_member ON event_rsvps (event_id, member_id) WHERE status = 'going';
    ALTER TABLE event_rsvps ADD CONSTRAINT event_rsvps_guests_nonnegative CHECK (guests IS NULL OR guests >= 0);

    DROP INDEX IF EXISTS bookings_one_place_per_member;
    CREATE UNIQUE INDEX bookings_one_place_per_member ON bookings (class_id, member_id)
      WHERE status IN ('confirmed', 'waitlisted', 'offered', 'checked_in');
    ALTER TABLE bookings ADD CONSTRAINT bookings_offer_expiry_iff_offered CHECK ((status = 'offered') = (offer_expires_at IS NOT NULL));
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE bookings DROP CONSTRAINT IF EXISTS bookings_offer_expiry_iff_offered;
    DROP INDEX IF EXISTS bookings_one_place_per_member;
    CREATE UNIQUE INDEX bookings_one_place_per_member ON bookings (class_id, member_id) WHERE status IN ('confirmed', 'waitlisted', 'checked_in');
    ALTER TABLE event_rsvps DROP CONSTRAINT IF EXISTS event_rsvps_guests_nonnegative;
    DROP INDEX IF EXISTS event_rsvps_one_per_member;
    ALTER TABLE events DROP CONSTRAINT IF EXISTS events_end_after_start;
    ALTER TABLE events DROP CONSTRAINT IF EXISTS events_going_within_capacity;
    ALTER TABLE events ALTER COLUMN going_count DROP NOT NULL;
    ALTER TABLE availability_rules DROP CONSTRAINT IF EXISTS availability_rules_weekday_range;
    ALTER TABLE availability_rules DROP CONSTRAINT IF EXISTS availability_rules_end_after_start;
    ALTER TABLE appointments DROP CONSTRAINT IF EXISTS appointments_provider_no_overlap;
    ALTER TABLE appointments DROP CONSTRAINT IF EXISTS appointments_blocked_covers_time;
    ALTER TABLE appointments DROP CONSTRAINT IF EXISTS appointments_end_after_start;
  `)
}
