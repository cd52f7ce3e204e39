import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Plugin } from 'payload'
import { subscribe } from '@/core'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

/** Subscribes to every event so emitted events become deliverEvent jobs the tests can see. */
const eventProbe = (): Plugin => (config) => subscribe(config, { name: 'test.eventWaitlistProbe', event: '*', handler: () => undefined })
const app = useTestApp({ plugins: [eventProbe()] })
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string

const eventsOfType = async (type: string, ids: string[]) =>
  (
    await kit.q<{ id: string }>(sql`SELECT input->'event'->'subject'->>'id' AS id FROM payload_jobs
      WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = 'test.eventWaitlistProbe' AND input->'event'->>'type' = ${type}
        AND input->'event'->'subject'->>'id' = ANY(${`{${ids.join(',')}}`}::text[])`)
  ).map((r) => r.id)
/** The event's counters beside what its RSVP rows say, and the waitlist in order. */
const state = async (eventId: string) => {
  const [row] = await kit.q<{ going_count: number; waitlist_count: number; places: number; waiting: number }>(sql`
    SELECT e.going_count::int AS going_count, e.waitlist_count::int AS waitlist_count,
           (SELECT coalesce(sum(1 + r.guests), 0)::int FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'going') AS places,
           (SELECT count(*)::int FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waiting
    FROM events e WHERE e.id = ${eventId}`)
  const line = await kit.q<{ member_id: string; waitlist_position: number }>(
    sql`SELECT member_id, waitlist_position::int AS waitlist_position FROM event_rsvps WHERE event_id = ${eventId} AND status = 'waitlisted' ORDER BY waitlist_position`,
  )
  return { ...row, line: line.map((r) => [String(r.member_id), r.waitlist_position] as const) }
}

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
})

describe('event waitlist', () => {
  it('waitlists RSVPs that do not fit, refuses when the waitlist is full, closes gaps, promotes the first that fits (guests count)', async () => {
    const event = await kit.createEvent(A, { capacity: 3, waitlistCapacity: 2, maxGuests: 2 })
    const desk = cast.inA.frontDesk.client
    const [m1, m2, m3, m4, m5] = await kit.createMembers(A, 5)
    const rsvp = (member: string, guests = 0) => desk.post(`/api/events/${event.id}/rsvp`, { member, guests })

    expect((await rsvp(m1)).body.rsvp).toMatchObject({ status: 'going', waitlistPosition: null })
    expect((await rsvp(m2, 1)).body.rsvp).toMatchObject({ status: 'going', guests: 1 })
    // Full: m3 (with a guest, 2 places) and m4 wait in line.
    const w3 = await rsvp(m3, 1)
    expect(w3.status).toBe(201)
    expect(w3.body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, guests: 1 })
    expect(w3.body.rsvp.waitlistedAt).toBeTruthy()
    expect((await rsvp(m4)).body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    const full = await rsvp(m5)
    expect(full.status).toBe(409)
    expect(full.body.error).toBe('event_full')
    expect((await rsvp(m3)).body.error).toBe('already_rsvped')
    expect(await state(String(event.id))).toEqual({ going_count: 3, waitlist_count: 2, places: 3, waiting: 2, line: [[m3, 1], [m4, 2]] })

    // m1 leaves: one place, m3 (2 places) does not fit, m4 does and is promoted; m3 keeps position 1.
    const [r1] = await kit.q<{ id: string }>(sql`SELECT id FROM event_rsvps WHERE event_id = ${event.id} AND member_id = ${m1}`)
    const cancel1 = await desk.post(`/api/event-rsvps/${r1.id}/cancel`)
    expect(cancel1.status, JSON.stringify(cancel1.body)).toBe(200)
    const w4 = (await kit.q<{ id: string; status: string; promoted_at: Date | null }>(sql`SELECT id, status, promoted_at FROM event_rsvps WHERE event_id = ${event.id} AND member_id = ${m4}`))[0]
    expect(cancel1.body.promoted).toEqual([String(w4.id)])
    expect(w4.status).toBe('going')
    expect(w4.promoted_at).toBeTruthy()
    expect(await state(String(event.id))).toEqual({ going_count: 3, waitlist_count: 1, places: 3, waiting: 1, line: [[m3, 1]] })
    expect(await eventsOfType('rsvp.promoted', [String(w4.id)])).toEqual([String(w4.id)])

    // m5 joins the line behind m3, then m3 leaves it: the gap closes.
    expect((await rsvp(m5)).body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    const leave = await desk.post(`/api/event-rsvps/${w3.body.rsvp.id}/cancel`)
    expect(leave.body).toMatchObject({ rsvp: { status: 'cancelled', waitlistPosition: null }, promoted: [] })
    expect(await state(String(event.id))).toEqual({ going_count: 3, waitlist_count: 1, places: 3, waiting: 1, line: [[m5, 1]] })
  })

  it('raising the capacity promotes the waitlist; the waitlist cannot shrink below those waiting; cancelling the event empties it', async () => {
    const event = await kit.createEvent(A, { capacity: 1, waitlistCapacity: 5 })
    const desk = cast.inA.frontDesk.client
    const members = await kit.createMembers(A, 4)
    for (const member of members) expect((await desk.post(`/api/events/${event.id}/rsvp`, { member })).status).toBe(201)
    expect((await state(String(event.id))).waitlist_count).toBe(3)
    const owner = cast.inA.owner.client
    const shrink = await owner.patch(`/api/events/${event.id}`, { waitlistCapacity: 2 })
    expect(shrink.status).toBe(400)
    const raise = await owner.patch(`/api/events/${event.id}`, { capacity: 2 })
    expect(raise.status, JSON.stringify(raise.body)).toBe(200)
    expect(raise.body.doc).toMatchObject({ goingCount: 2, waitlistCount: 2 })
    expect(await state(String(event.id))).toEqual({ going_count: 2, waitlist_count: 2, places: 2, waiting: 2, line: [[members[2], 1], [members[3], 2]] })

    const cancelled = await owner.post(`/api/events/${event.id}/cancel`, { reason: 'rain' })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.event).toMatchObject({ goingCount: 0, waitlistCount: 0 })
    const rows = await kit.q<{ status: string; n: number }>(sql`SELECT status, count(*)::int AS n FROM event_rsvps WHERE event_id = ${event.id} GROUP BY status`)
    expect(rows).toEqual([{ status: 'cancelled', n: 4 }])
  })
})

describe('event waitlist under concurrency', () => {
  it('50 RSVPs at once on 10 places: exactly 10 going, positions 1..40 unique and contiguous; 5 concurrent cancels promote exactly the first 5', async () => {
    const event = await kit.createEvent(A, { capacity: 10, waitlistCapacity: 40 })
    const members = await kit.createMembers(A, 50)
    const desk = cast.inA.frontDesk.client
    const results = await Promise.all(members.map((member) => desk.post(`/api/events/${event.id}/rsvp`, { member })))
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([])
    const going = results.filter((r) => r.body.rsvp.status === 'going')
    const waiting = results.filter((r) => r.body.rsvp.status === 'waitlisted')
    expect(going).toHaveLength(10)
    expect(waiting).toHaveLength(40)
    expect(waiting.map((r) => r.body.rsvp.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    const before = await state(String(event.id))
    expect(before).toMatchObject({ going_count: 10, waitlist_count: 40, places: 10, waiting: 40 })
    expect(before.line.map(([, p]) => p)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    // One more is refused: places and waitlist are full.
    const [late] = await kit.createMembers(A, 1)
    expect((await desk.post(`/api/events/${event.id}/rsvp`, { member: late })).body.error).toBe('event_full')

    const firstFive = before.line.slice(0, 5).map(([member]) => member)
    const cancels = await Promise.all(going.slice(0, 5).map((r) => desk.post(`/api/event-rsvps/${r.body.rsvp.id}/cancel`)))
    expect(cancels.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    const promoted = cancels.flatMap((r) => r.body.promoted as string[])
    expect(promoted).toHaveLength(5)
    const promotedMembers = await kit.q<{ member_id: string; status: string }>(
      sql`SELECT member_id, status FROM event_rsvps WHERE id = ANY(${`{${promoted.join(',')}}`}::uuid[])`,
    )
    expect(promotedMembers.map((r) => String(r.member_id)).sort()).toEqual([...firstFive].sort())
    expect(promotedMembers.every((r) => r.status === 'going')).toBe(true)
    const after = await state(String(event.id))
    expect(after).toMatchObject({ going_count: 10, waitlist_count: 35, places: 10, waiting: 35 })
    expect(after.line.map(([, p]) => p)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1))
    expect(after.line.map(([m]) => m)).toEqual(before.line.slice(5).map(([m]) => m))
    // Each promoted exactly once.
    expect((await eventsOfType('rsvp.promoted', promoted)).sort()).toEqual([...promoted].sort())
  })
})
