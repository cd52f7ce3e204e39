import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Plugin } from 'payload'
import { subscribe } from '@/core'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

/** Subscribes to every event so emitted events become deliverEvent jobs the tests can see. */
const eventProbe = (): Plugin => (config) =>
  subscribe(config, { name: 'test.eventWaitlistProbe', event: '*', handler: () => undefined })
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
  it('waitlists RSVPs that do not fit, refuses when the waitlist is full, closes gaps, promotes strictly in line (guests count; nobody jumps the head)', async () => {
    const event = await kit.createEvent(A, { capacity: 3, waitlistCapacity: 2, maxGuests: 2 })
    const desk = cast.inA.frontDesk.client
    const [m1, m2, m3, m4, m5, m6] = await kit.createMembers(A, 6)
    const rsvp = (member: string, guests = 0) => desk.post(`/api/events/${event.id}/rsvp`, { member, guests })

    expect((await rsvp(m1)).body.rsvp).toMatchObject({ status: 'going', waitlistPosition: null })
    const going2 = await rsvp(m2, 1)
    expect(going2.body.rsvp).toMatchObject({ status: 'going', guests: 1 })
    // Full: m3 (with a guest, 2 places) and m4 wait in line.
    const w3 = await rsvp(m3, 1)
    expect(w3.status).toBe(201)
    expect(w3.body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, guests: 1 })
    expect(w3.body.rsvp.waitlistedAt).toBeTruthy()
    const w4 = await rsvp(m4)
    expect(w4.body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    const full = await rsvp(m5)
    expect(full.status).toBe(409)
    expect(full.body.error).toBe('event_full')
    expect((await rsvp(m3)).body.error).toBe('already_rsvped')
    expect(await state(String(event.id))).toEqual({
      going_count: 3,
      waitlist_count: 2,
      places: 3,
      waiting: 2,
      line: [
        [m3, 1],
        [m4, 2],
      ],
    })

    // m1 leaves: one place. m3 at the head needs 2, so nobody is promoted: m4 (1 place) does not jump it.
    const [r1] = await kit.q<{ id: string }>(
      sql`SELECT id FROM event_rsvps WHERE event_id = ${event.id} AND member_id = ${m1}`,
    )
    const cancel1 = await desk.post(`/api/event-rsvps/${r1.id}/cancel`)
    expect(cancel1.status, JSON.stringify(cancel1.body)).toBe(200)
    expect(cancel1.body.promoted).toEqual([])
    expect(await state(String(event.id))).toEqual({
      going_count: 2,
      waitlist_count: 2,
      places: 2,
      waiting: 2,
      line: [
        [m3, 1],
        [m4, 2],
      ],
    })

    // m2 (2 places) leaves: 3 free; m3 (2) is promoted, then m4 (1), in that order.
    const cancel2 = await desk.post(`/api/event-rsvps/${going2.body.rsvp.id}/cancel`)
    expect(cancel2.body.promoted).toEqual([w3.body.rsvp.id, w4.body.rsvp.id])
    const promotedRows = await kit.q<{ id: string; status: string; promoted_at: Date | null }>(
      sql`SELECT id, status, promoted_at FROM event_rsvps WHERE id IN (${w3.body.rsvp.id}, ${w4.body.rsvp.id}) ORDER BY promoted_at`,
    )
    expect(promotedRows.map((r) => [String(r.id), r.status])).toEqual([
      [w3.body.rsvp.id, 'going'],
      [w4.body.rsvp.id, 'going'],
    ])
    expect(await state(String(event.id))).toEqual({
      going_count: 3,
      waitlist_count: 0,
      places: 3,
      waiting: 0,
      line: [],
    })
    expect((await eventsOfType('rsvp.promoted', [w3.body.rsvp.id, w4.body.rsvp.id])).sort()).toEqual(
      [w3.body.rsvp.id, w4.body.rsvp.id].sort(),
    )

    // m5 and m6 join the line, then m5 leaves it: the gap closes.
    const w5 = await rsvp(m5)
    expect(w5.body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect((await rsvp(m6)).body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    const leave = await desk.post(`/api/event-rsvps/${w5.body.rsvp.id}/cancel`)
    expect(leave.body).toMatchObject({ rsvp: { status: 'cancelled', waitlistPosition: null }, promoted: [] })
    expect(await state(String(event.id))).toEqual({
      going_count: 3,
      waitlist_count: 1,
      places: 3,
      waiting: 1,
      line: [[m6, 1]],
    })
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
    expect(await state(String(event.id))).toEqual({
      going_count: 2,
      waitlist_count: 2,
      places: 2,
      waiting: 2,
      line: [
        [members[2], 1],
        [members[3], 2],
      ],
    })

    const cancelled = await owner.post(`/api/events/${event.id}/cancel`, { reason: 'rain' })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.event).toMatchObject({ goingCount: 0, waitlistCount: 0 })
    const rows = await kit.q<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM event_rsvps WHERE event_id = ${event.id} GROUP BY status`,
    )
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
    expect(waiting.map((r) => r.body.rsvp.waitlistPosition).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    )
    const before = await state(String(event.id))
    expect(before).toMatchObject({ going_count: 10, waitlist_count: 40, places: 10, waiting: 40 })
    expect(before.line.map(([, p]) => p)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    // One more is refused: places and waitlist are full.
    const [late] = await kit.createMembers(A, 1)
    expect((await desk.post(`/api/events/${event.id}/rsvp`, { member: late })).body.error).toBe('event_full')

    const firstFive = before.line.slice(0, 5).map(([member]) => member)
    const cancels = await Promise.all(
      going.slice(0, 5).map((r) => desk.post(`/api/event-rsvps/${r.body.rsvp.id}/cancel`)),
    )
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

  it('strict FIFO under 10 concurrent cancels: the line is promoted as a prefix in order, each once; the first that does not fit stops it', async () => {
    const event = await kit.createEvent(A, { capacity: 10, waitlistCapacity: 20, maxGuests: 3 })
    const desk = cast.inA.frontDesk.client
    const goers = await kit.createMembers(A, 10)
    const going = await Promise.all(goers.map((member) => desk.post(`/api/events/${event.id}/rsvp`, { member })))
    expect(going.every((r) => r.body.rsvp?.status === 'going')).toBe(true)
    // The line, in order: places 2, 1, 3, 1, 2 (= 9), then 2 (does not fit in the 1 left), then 1 and 1 (must not jump it).
    const sizes = [2, 1, 3, 1, 2, 2, 1, 1]
    const waiters = await kit.createMembers(A, sizes.length)
    const line: string[] = []
    for (const [i, member] of waiters.entries()) {
      const r = await desk.post(`/api/events/${event.id}/rsvp`, { member, guests: sizes[i] - 1 })
      expect(r.body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: i + 1 })
      line.push(r.body.rsvp.id)
    }

    const cancels = await Promise.all(going.map((r) => desk.post(`/api/event-rsvps/${r.body.rsvp.id}/cancel`)))
    expect(cancels.map((r) => r.status)).toEqual(Array(10).fill(200))
    const promoted = cancels.flatMap((r) => r.body.promoted as string[])
    expect([...promoted].sort()).toEqual(line.slice(0, 5).sort()) // each exactly once, only the first five
    const rows = await kit.q<{
      id: string
      status: string
      promoted_at: Date | null
      waitlist_position: number | null
    }>(
      sql`SELECT id, status, promoted_at, waitlist_position::int AS waitlist_position FROM event_rsvps WHERE id = ANY(${`{${line.join(',')}}`}::uuid[])`,
    )
    const byId = new Map(rows.map((r) => [String(r.id), r]))
    const times = line.slice(0, 5).map((id) => new Date(byId.get(id)!.promoted_at!).getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b)) // promoted in line order
    expect(line.slice(5).map((id) => [byId.get(id)!.status, byId.get(id)!.waitlist_position])).toEqual([
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
    ])
    expect(await state(String(event.id))).toMatchObject({ going_count: 9, waitlist_count: 3, places: 9, waiting: 3 })
    expect((await eventsOfType('rsvp.promoted', line)).sort()).toEqual(line.slice(0, 5).sort())
  })
})
