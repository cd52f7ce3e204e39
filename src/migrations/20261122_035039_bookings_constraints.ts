import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Bookings invariants Payload's field config cannot express: class counters never leave
 * [0, capacity] / [0, waitlistCapacity], one place per member and class (partial unique), and a
 * waitlist position exactly on waitlisted bookings.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    UPDATE classes SET booked_count = 0 WHERE booked_count IS NULL;
    UPDATE classes SET waitlist_count = 0 WHERE waitlist_count IS NULL;
    ALTER TABLE classes ALTER COLUMN booked_count SET NOT NULL, ALTER COLUMN waitlist_count SET NOT NULL;
    ALTER TABLE classes ADD CONSTRAINT classes_capacity_nonnegative CHECK (capacity >= 0 AND waitlist_capacity >= 0);
    ALTER TABLE classes ADD CONSTRAINT classes_booked_within_capacity CHECK (booked_count >= 0 AND booked_count <= capacity);
    ALTER TABLE classes ADD CONSTRAINT classes_waitlist_within_capacity CHECK (waitlist_count >= 0 AND waitlist_count <= waitlist_capacity);
    ALTER TABLE classes ADD CONSTRAINT classes_end_after_start CHECK (end_time IS NULL OR end_time > start_time);

    CREATE UNIQUE INDEX bookings_one_place_per_member ON bookings (class_id, member_id)
      WHERE status IN ('confirmed', 'waitlisted', 'checked_in');
    ALTER TABLE bookings ADD CONSTRAINT bookings_waitlist_position_iff_waitlisted
      CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL) AND (waitlist_position IS NULL OR waitlist_position >= 1));
    ALTER TABLE bookings ADD CONSTRAINT bookings_feedback_score_range CHECK (feedback_score IS NULL OR feedback_score BETWEEN 1 AND 5);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE bookings DROP CONSTRAINT IF EXISTS bookings_feedback_score_range;
    ALTER TABLE bookings DROP CONSTRAINT IF EXISTS bookings_waitlist_position_iff_waitlisted;
    DROP INDEX IF EXISTS bookings_one_place_per_member;
    ALTER TABLE classes DROP CONSTRAINT IF EXISTS classes_end_after_start;
    ALTER TABLE classes DROP CONSTRAINT IF EXISTS classes_waitlist_within_capacity;
    ALTER TABLE classes DROP CONSTRAINT IF EXISTS classes_booked_within_capacity;
    ALTER TABLE classes DROP CONSTRAINT IF EXISTS classes_capacity_nonnegative;
    ALTER TABLE classes ALTER COLUMN booked_count DROP NOT NULL, ALTER COLUMN waitlist_count DROP NOT NULL;
  `)
}
