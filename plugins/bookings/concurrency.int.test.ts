import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

const app = useTestApp()
const ATTEMPTS = 1000
const CAPACITY = 20
/**
 * Requests in flight at once. All 1,000 race for the same class row, but more open sockets than the
 * test server's accept backlog (511) get reset by the kernel on this 2-core machine.
 */
const IN_FLIGHT = 400

/** Runs `tasks` with at most `limit` pending at once, keeping results in order. */
const inParallel = async <T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const lane = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await tasks[index]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane))
  return results
}

describe('bookings under concurrency', () => {
  it(`${ATTEMPTS} racing attempts on a ${CAPACITY}-place class confirm exactly ${CAPACITY}; then concurrent cancels promote each waitlisted member once`, async () => {
    const kit = bookingsTestKit(app.payload)
    const tenant = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const desk = (await signIn(app, user.email)).client
    const members = await kit.createMembers(tenant, ATTEMPTS)
    const klass = await kit.createClass(tenant, { capacity: CAPACITY, waitlistCapacity: ATTEMPTS })

    const started = Date.now()
    const results = await inParallel(
      members.map((member) => () => desk.post(`/api/classes/${klass.id}/book`, { member })),
      IN_FLIGHT,
    )
    const bookingMs = Date.now() - started
    console.log(`[bookings] ${ATTEMPTS} booking attempts (${IN_FLIGHT} in flight) resolved in ${bookingMs} ms`)
    const statuses = results.map((r) => r.status)
    expect(
      statuses.filter((s) => s !== 201),
      JSON.stringify(results.find((r) => r.status !== 201)?.body),
    ).toEqual([])
    expect(results.filter((r) => r.body.booking.status === 'confirmed')).toHaveLength(CAPACITY)

    const invariant = async () =>
      (
        await kit.q<Record<string, number>>(sql`
          SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
                 count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
                 count(DISTINCT waitlist_position) FILTER (WHERE status = 'waitlisted')::int AS positions,
                 coalesce(min(waitlist_position) FILTER (WHERE status = 'waitlisted'), 0)::int AS first,
                 coalesce(max(waitlist_position) FILTER (WHERE status = 'waitlisted'), 0)::int AS last,
                 count(DISTINCT member_id)::int AS members,
                 (SELECT booked_count FROM classes WHERE id = ${klass.id})::int AS booked_count,
                 (SELECT waitlist_count FROM classes WHERE id = ${klass.id})::int AS waitlist_count
          FROM bookings WHERE class_id = ${klass.id}`)
      )[0]
    const waiting = ATTEMPTS - CAPACITY
    expect(await invariant()).toEqual({
      confirmed: CAPACITY,
      waitlisted: waiting,
      positions: waiting,
      first: 1,
      last: waiting,
      members: ATTEMPTS,
      booked_count: CAPACITY,
      waitlist_count: waiting,
    })

    // Cancel 10 confirmed bookings at once: the 10 oldest waitlisted members are promoted, once each.
    const CANCELS = 10
    const firstInLine = await kit.q<{ id: string }>(
      sql`SELECT id FROM bookings WHERE class_id = ${klass.id} AND status = 'waitlisted' ORDER BY waitlist_position LIMIT ${CANCELS}`,
    )
    const confirmed = results.filter((r) => r.body.booking.status === 'confirmed').slice(0, CANCELS)
    const cancelStarted = Date.now()
    const cancels = await Promise.all(confirmed.map((r) => desk.post(`/api/bookings/${r.body.booking.id}/cancel`)))
    console.log(
      `[bookings] ${CANCELS} concurrent cancels (with promotion) resolved in ${Date.now() - cancelStarted} ms`,
    )
    expect(cancels.map((r) => r.status)).toEqual(Array(CANCELS).fill(200))
    const promoted = await kit.q<{ id: string }>(
      sql`SELECT id FROM bookings WHERE class_id = ${klass.id} AND promoted_at IS NOT NULL ORDER BY id`,
    )
    expect(promoted.map((r) => r.id)).toEqual(firstInLine.map((r) => r.id).sort())
    expect(await invariant()).toEqual({
      confirmed: CAPACITY,
      waitlisted: waiting - CANCELS,
      positions: waiting - CANCELS,
      first: 1,
      last: waiting - CANCELS,
      members: ATTEMPTS,
      booked_count: CAPACITY,
      waitlist_count: waiting - CANCELS,
    })
  }, 180_000)
})
