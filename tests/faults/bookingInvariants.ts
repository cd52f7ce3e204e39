import { sql } from '@payloadcms/db-postgres'
import { expect } from 'vitest'
import type { bookingsTestKit } from '@plugins/bookings/bookingsTestKit'

/** Statuses that hold one of a class's places (its `booked_count`). */
export const PLACE_HOLDING = ['confirmed', 'offered', 'checked_in', 'no_show']

export type ClassCounts = {
  holding: number
  waitlisted: number
  booked_count: number
  waitlist_count: number
  capacity: number
  waitlist_capacity: number
  positions: number
  first: number
  last: number
  members: number
  rows: number
}

/**
 * Checks a class in SQL after a fault or a random mix: counters equal rows, no place over capacity,
 * the waitlist numbered 1..n without gaps or repeats, one live booking per member, and every
 * booking id a client was answered with (`answered`) present. Returns the counts.
 */
export const bookingInvariants = async (
  kit: ReturnType<typeof bookingsTestKit>,
  classId: string,
  { answered = [] }: { answered?: string[] } = {},
): Promise<ClassCounts> => {
  const [counts] = await kit.q<ClassCounts>(sql`
    SELECT count(*) FILTER (WHERE b.status::text IN (${sql.join(
      PLACE_HOLDING.map((s) => sql`${s}`),
      sql`, `,
    )}))::int AS holding,
           count(*) FILTER (WHERE b.status = 'waitlisted')::int AS waitlisted,
           count(DISTINCT b.waitlist_position) FILTER (WHERE b.status = 'waitlisted')::int AS positions,
           coalesce(min(b.waitlist_position) FILTER (WHERE b.status = 'waitlisted'), 0)::int AS first,
           coalesce(max(b.waitlist_position) FILTER (WHERE b.status = 'waitlisted'), 0)::int AS last,
           count(DISTINCT b.member_id) FILTER (WHERE b.status NOT IN ('cancelled', 'late_cancelled'))::int AS members,
           count(*) FILTER (WHERE b.status NOT IN ('cancelled', 'late_cancelled'))::int AS rows,
           c.booked_count::int AS booked_count, c.waitlist_count::int AS waitlist_count,
           c.capacity::int AS capacity, c.waitlist_capacity::int AS waitlist_capacity
    FROM classes c LEFT JOIN bookings b ON b.class_id = c.id
    WHERE c.id = ${classId}
    GROUP BY c.id`)
  const where = `class ${classId}: ${JSON.stringify(counts)}`
  expect(counts.booked_count, where).toBe(counts.holding)
  expect(counts.waitlist_count, where).toBe(counts.waitlisted)
  expect(counts.holding, where).toBeLessThanOrEqual(counts.capacity)
  expect(counts.waitlisted, where).toBeLessThanOrEqual(counts.waitlist_capacity)
  expect([counts.positions, counts.first, counts.last], where).toEqual(
    counts.waitlisted ? [counts.waitlisted, 1, counts.waitlisted] : [0, 0, 0],
  )
  expect(counts.members, where).toBe(counts.rows)
  if (answered.length) {
    const found = await kit.q<{ id: string }>(
      sql`SELECT id FROM bookings WHERE id::text IN (${sql.join(
        [...new Set(answered)].map((id) => sql`${id}`),
        sql`, `,
      )}) AND class_id = ${classId}`,
    )
    expect(found.length, `${where}: answered bookings missing`).toBe(new Set(answered).size)
  }
  return counts
}
