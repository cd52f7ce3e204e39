import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Plugin } from 'payload'
import { subscribe, type PortImpl } from '@/core'
import { refundPaymentPort, type RefundPaymentInput, type RefundPaymentResult } from '@plugins/bookings/contract'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

/** Subscribes to every event so emitted events become deliverEvent jobs the tests can see. */
const eventProbe = (): Plugin => (config) =>
  subscribe(config, { name: 'test.eventsProbe', event: '*', handler: () => undefined })
/** Records every `payments.refund` call, then answers as the installed implementation (or the fallback) would. */
const refundCalls: RefundPaymentInput[] = []
const refundRecorder = (): Plugin => (config) => {
  const ports = {
    ...((config.custom?.ports as Record<string, PortImpl<RefundPaymentInput, RefundPaymentResult>> | undefined) ?? {}),
  }
  const installed = ports[refundPaymentPort.name]
  ports[refundPaymentPort.name] = async (req, input) => {
    refundCalls.push(input)
    return installed ? installed(req, input) : refundPaymentPort.fallback(req, input)
  }
  return { ...config, custom: { ...config.custom, ports } }
}
const app = useTestApp({ plugins: [eventProbe(), refundRecorder()] })
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string

const eventsAbout = async (id: string) =>
  (
    await kit.q<{ type: string }>(
      sql`SELECT input->'event'->>'type' AS type FROM payload_jobs WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = 'test.eventsProbe' AND input->'event'->'subject'->>'id' = ${id} ORDER BY created_at`,
    )
  ).map((r) => r.type)
const going = async (eventId: string) =>
  (
    await kit.q<{ going_count: number; rows: number; places: number }>(sql`
      SELECT e.going_count::int AS going_count,
             (SELECT count(*)::int FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'going') AS rows,
             (SELECT coalesce(sum(1 + r.guests), 0)::int FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'going') AS places
      FROM events e WHERE e.id = ${eventId}`)
  )[0]

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
})

describe('RSVPs', () => {
  it('takes places with guests, refuses a second RSVP and an over-capacity one, gives places back on cancel', async () => {
    const event = await kit.createEvent(A, { capacity: 3, maxGuests: 1 })
    const member = cast.inA.member.client
    const res = await member.post(`/api/events/${event.id}/rsvp`, { guests: 1 })
    expect(res.status).toBe(201)
    expect(res.body.rsvp).toMatchObject({
      status: 'going',
      event: event.id,
      member: cast.inA.member.membershipId,
      guests: 1,
      paymentMethod: 'free',
    })
    expect((await member.post(`/api/events/${event.id}/rsvp`)).body.error).toBe('already_rsvped')
    const [m2, m3] = await kit.createMembers(A, 2)
    const desk = cast.inA.frontDesk.client
    const tooMany = await desk.post(`/api/events/${event.id}/rsvp`, { member: m2, guests: 1 })
    expect(tooMany.status).toBe(409)
    expect(tooMany.body.error).toBe('event_full')
    expect((await desk.post(`/api/events/${event.id}/rsvp`, { member: m2 })).status).toBe(201)
    expect((await desk.post(`/api/events/${event.id}/rsvp`, { member: m3 })).body.error).toBe('event_full')
    expect(await going(event.id)).toEqual({ going_count: 3, rows: 2, places: 3 })

    const id = res.body.rsvp.id
    expect((await cast.inB.member.client.post(`/api/event-rsvps/${id}/cancel`)).status).toBe(404)
    const cancelled = await member.post(`/api/event-rsvps/${id}/cancel`, { reason: 'away' })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.rsvp).toMatchObject({ status: 'cancelled', cancellationReason: 'away' })
    expect((await member.post(`/api/event-rsvps/${id}/cancel`)).body.error).toBe('not_cancellable')
    expect(await going(event.id)).toEqual({ going_count: 1, rows: 1, places: 1 })
    expect(await eventsAbout(id)).toEqual(['event.rsvp_created', 'event.rsvp_cancelled'])
    // The freed places can be taken again, and the member may come back.
    expect((await desk.post(`/api/events/${event.id}/rsvp`, { member: m3 })).status).toBe(201)
    expect((await member.post(`/api/events/${event.id}/rsvp`)).status).toBe(201)

    // Members read their own RSVPs only.
    const mine = await member.get('/api/event-rsvps?depth=0')
    expect(mine.body.docs.every((d: { member: string }) => d.member === cast.inA.member.membershipId)).toBe(true)
    expect(mine.body.docs).toHaveLength(2)
  })

  it('answers 4xx for closed, draft, cancelled and foreign events and bad input, and writes nothing', async () => {
    const open = await kit.createEvent(A, { maxGuests: 1 })
    const closed = await kit.createEvent(A, { rsvpDeadline: new Date(Date.now() - 60_000).toISOString() })
    const draft = await kit.createEvent(A, { status: 'draft' })
    const cancelled = await kit.createEvent(A, { status: 'cancelled' })
    const past = await kit.createEvent(A, { inMinutes: -10 })
    const member = cast.inA.member.client
    const before = Number((await kit.q<{ n: number }>(sql`SELECT count(*)::int AS n FROM event_rsvps`))[0].n)
    const cases: [string, Promise<{ status: number; body: { error?: string } }>, number, string][] = [
      ['after the deadline', member.post(`/api/events/${closed.id}/rsvp`), 409, 'rsvp_closed'],
      ['draft', member.post(`/api/events/${draft.id}/rsvp`), 404, 'not_found'],
      ['cancelled', member.post(`/api/events/${cancelled.id}/rsvp`), 409, 'event_cancelled'],
      ['started', member.post(`/api/events/${past.id}/rsvp`), 409, 'event_started'],
      ["other tenant's event", cast.inB.member.client.post(`/api/events/${open.id}/rsvp`), 404, 'not_found'],
      ['unknown event', member.post('/api/events/00000000-0000-4000-8000-000000000000/rsvp'), 404, 'not_found'],
      ['too many guests', member.post(`/api/events/${open.id}/rsvp`, { guests: 2 }), 422, 'too_many_guests'],
      ['negative guests', member.post(`/api/events/${open.id}/rsvp`, { guests: -1 }), 400, 'invalid_input'],
      ['malformed id', member.post('/api/events/nope/rsvp'), 400, 'invalid_input'],
      ['anonymous', cast.anonymous.client.post(`/api/events/${open.id}/rsvp`), 401, 'unauthenticated'],
    ]
    for (const [label, call, status, error] of cases) {
      const res = await call
      expect({ label, status: res.status, error: res.body?.error }).toEqual({ label, status, error })
    }
    expect(Number((await kit.q<{ n: number }>(sql`SELECT count(*)::int AS n FROM event_rsvps`))[0].n)).toBe(before)
    // Drafts are hidden from the public, published events are not.
    expect((await cast.anonymous.client.get(`/api/events/${draft.id}`)).status).toBe(404)
    expect((await cast.anonymous.client.get(`/api/events/${open.id}`)).status).toBe(200)
  })

  it('cancelling an event cancels every RSVP, asks payments.refund for paid ones and emits event.cancelled', async () => {
    const event = await kit.createEvent(A, { price: { amount: 2500, currency: 'USD' } })
    const [m1, m2] = await kit.createMembers(A, 2)
    const desk = cast.inA.frontDesk.client
    const r1 = await desk.post(`/api/events/${event.id}/rsvp`, { member: m1 })
    const r2 = await desk.post(`/api/events/${event.id}/rsvp`, { member: m2 })
    expect(r1.body.rsvp).toMatchObject({ price: { amount: 2500, currency: 'USD' } })
    refundCalls.length = 0
    // A paid RSVP cancelled by its member asks for the money back.
    const own = await desk.post(`/api/event-rsvps/${r2.body.rsvp.id}/cancel`)
    expect(own.status).toBe(200)
    expect(refundCalls).toEqual([
      { tenant: A, ref: { collection: 'event-rsvps', id: r2.body.rsvp.id }, reason: 'RSVP cancelled' },
    ])

    expect((await desk.post(`/api/events/${event.id}/cancel`)).status).toBe(403)
    const res = await cast.inA.owner.client.post(`/api/events/${event.id}/cancel`, { reason: 'storm' })
    expect(res.status).toBe(200)
    expect(res.body.event).toMatchObject({ status: 'cancelled', cancellationReason: 'storm', goingCount: 0 })
    expect(refundCalls.map((c) => c.ref.id)).toEqual([r2.body.rsvp.id, r1.body.rsvp.id])
    const rows = await kit.q<{ status: string; cancellation_reason: string }>(
      sql`SELECT status, cancellation_reason FROM event_rsvps WHERE id = ${r1.body.rsvp.id}`,
    )
    expect(rows).toEqual([{ status: 'cancelled', cancellation_reason: 'event_cancelled' }])
    expect(await going(event.id)).toEqual({ going_count: 0, rows: 0, places: 0 })
    expect(await eventsAbout(event.id)).toEqual(['event.cancelled'])
    expect(await eventsAbout(r1.body.rsvp.id)).toEqual(['event.rsvp_created', 'event.rsvp_cancelled'])
    const reopen = await cast.inA.owner.client.patch(`/api/events/${event.id}`, { status: 'published' })
    expect(reopen.status).toBe(409)
  })
})

describe('RSVPs under concurrency', () => {
  it('100 RSVPs at once on a 10-place event: exactly 10 going, the counter equals the rows', async () => {
    const event = await kit.createEvent(A, { capacity: 10 })
    const members = await kit.createMembers(A, 100)
    const desk = cast.inA.frontDesk.client
    const results = await Promise.all(members.map((member) => desk.post(`/api/events/${event.id}/rsvp`, { member })))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 409)).toHaveLength(90)
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.error))).toEqual(new Set(['event_full']))
    expect(await going(event.id)).toEqual({ going_count: 10, rows: 10, places: 10 })
  })
})
