import { sql } from '@payloadcms/db-postgres'
import type { Plugin } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { type PortImpl } from '@/core'
import { canBookPort, type CanBookInput, type CanBookResult } from '@plugins/bookings/contract'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

/** Pays with credits what has a credit cost; otherwise as the fallback (priced → drop-in, else free). */
const creditGuard = (): Plugin => (config) => {
  const guard: PortImpl<CanBookInput, CanBookResult> = async (_req, input) =>
    input.creditCost
      ? { allowed: true, paymentMethod: 'credits' }
      : { allowed: true, paymentMethod: input.price && input.price.amount > 0 ? 'drop_in' : 'free' }
  const ports = { ...((config.custom?.ports as Record<string, unknown> | undefined) ?? {}), [canBookPort.name]: guard }
  return { ...config, custom: { ...config.custom, ports } }
}
const app = useTestApp({ plugins: [creditGuard()] })
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string

type Refund = { credits: number | null; money: { amount: number; currency: string } | null }
type Plan = { kind: 'money' | 'credits' | 'none'; amount?: number; currency?: string; credits?: number }
/** The cancel's refund as the preview's plan says it. */
const asPlan = (refund: Refund): Plan =>
  refund.credits
    ? { kind: 'credits', credits: refund.credits }
    : refund.money
      ? { kind: 'money', ...refund.money }
      : { kind: 'none' }
const eventState = async (id: string) =>
  (
    await kit.q<{ going_count: number; waitlist_count: number; statuses: string }>(sql`
    SELECT going_count::int, waitlist_count::int,
           (SELECT string_agg(status::text, ',' ORDER BY created_at) FROM event_rsvps WHERE event_id = e.id) AS statuses
    FROM events e WHERE e.id = ${id}`)
  )[0]
const credits = async (member: string) =>
  Number(
    (
      await kit.q<{ n: string }>(
        sql`SELECT coalesce(sum(remaining_credits), 0) AS n FROM credit_lots WHERE member_id = ${member}`,
      )
    )[0].n,
  )

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
})

describe('GET /api/event-rsvps/:id/cancel-preview', () => {
  it('a free RSVP: places freed and who would move up agree with the cancel; nothing changes; only the member and desk staff see it', async () => {
    const event = await kit.createEvent(A, { capacity: 3, waitlistCapacity: 5, maxGuests: 2 })
    const desk = cast.inA.frontDesk.client
    const member = cast.inA.member
    const [m2, m3, m4, m5] = await kit.createMembers(A, 4)
    const mine = await member.client.post(`/api/events/${event.id}/rsvp`, { guests: 1 })
    expect(mine.status).toBe(201)
    for (const [m, guests] of [
      [m2, 0],
      [m3, 0],
      [m4, 1],
      [m5, 0],
    ] as const)
      expect((await desk.post(`/api/events/${event.id}/rsvp`, { member: m, guests })).status).toBe(201)
    const before = await eventState(String(event.id))
    expect(before).toMatchObject({ going_count: 3, waitlist_count: 3 })
    const id = mine.body.rsvp.id

    // Two places free up: m3 (1) moves up, m4 (2) no longer fits and stops the line.
    const preview = await member.client.get(`/api/event-rsvps/${id}/cancel-preview`)
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(preview.body).toMatchObject({
      rsvp: { id, status: 'going', guests: 1 },
      refund: { kind: 'none' },
      placesFreed: 2,
      promotes: 1,
    })
    expect((await desk.get(`/api/event-rsvps/${id}/cancel-preview`)).body).toEqual(preview.body)
    expect(await eventState(String(event.id))).toEqual(before)
    // Another member, staff of another business, an instructor: not there. Signed out: 401.
    const [other] = await kit.q<{ id: string }>(
      sql`SELECT id FROM event_rsvps WHERE event_id = ${event.id} AND member_id = ${m2}`,
    )
    expect((await member.client.get(`/api/event-rsvps/${other.id}/cancel-preview`)).status).toBe(404)
    expect((await cast.inB.frontDesk.client.get(`/api/event-rsvps/${id}/cancel-preview`)).status).toBe(404)
    expect((await cast.inA.instructor.client.get(`/api/event-rsvps/${id}/cancel-preview`)).status).toBe(404)
    expect((await cast.anonymous.client.get(`/api/event-rsvps/${id}/cancel-preview`)).status).toBe(401)
    expect((await member.client.get('/api/event-rsvps/not-a-uuid/cancel-preview')).status).toBe(400)

    const cancel = await member.client.post(`/api/event-rsvps/${id}/cancel`, {})
    expect(cancel.status).toBe(200)
    expect(asPlan(cancel.body.refund)).toEqual(preview.body.refund)
    expect(cancel.body.promoted).toHaveLength(preview.body.promotes)
    expect((await eventState(String(event.id))).going_count).toBe(before.going_count - preview.body.placesFreed + 1)
    // A waitlisted RSVP frees no places; a cancelled one cannot be cancelled (409, as the cancel says).
    const [waiting] = await kit.q<{ id: string }>(
      sql`SELECT id FROM event_rsvps WHERE event_id = ${event.id} AND member_id = ${m5}`,
    )
    const leaving = await desk.get(`/api/event-rsvps/${waiting.id}/cancel-preview`)
    expect(leaving.body).toMatchObject({ refund: { kind: 'none' }, placesFreed: 0 })
    expect(leaving.body).not.toHaveProperty('promotes')
    expect(await member.client.get(`/api/event-rsvps/${id}/cancel-preview`)).toMatchObject({
      status: 409,
      body: { error: 'not_cancellable' },
    })
  })

  it('a paid drop-in RSVP: the preview names the money the cancel refunds', async () => {
    const event = await kit.createEvent(A, { price: { amount: 2500, currency: 'USD' }, maxGuests: 2 })
    const member = cast.inA.member
    const made = await member.client.post(`/api/events/${event.id}/rsvp`, { guests: 1 })
    expect(made.body.rsvp).toMatchObject({ paymentMethod: 'drop_in', price: { amount: 2500, currency: 'USD' } })
    const id = made.body.rsvp.id
    // Paid at the desk for both places.
    const paid = await cast.inA.frontDesk.client.post('/api/payments/manual', {
      tenant: A,
      member: member.membershipId,
      purpose: 'event',
      ref: { collection: 'event-rsvps', id },
      provider: 'cash',
      amount: { amount: 5000, currency: 'USD' },
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    const preview = await member.client.get(`/api/event-rsvps/${id}/cancel-preview`)
    expect(preview.body).toMatchObject({ refund: { kind: 'money', amount: 5000, currency: 'USD' }, placesFreed: 2 })
    expect(preview.body).not.toHaveProperty('promotes') // no waitlist
    const cancel = await member.client.post(`/api/event-rsvps/${id}/cancel`, {})
    expect(cancel.status).toBe(200)
    expect(cancel.body.refund).toEqual({ credits: null, money: { amount: 5000, currency: 'USD' } })
    expect(asPlan(cancel.body.refund)).toEqual(preview.body.refund)
  })

  it('a credit RSVP: the preview names the credits the cancel gives back; a waitlisted one was not charged', async () => {
    const event = await kit.createEvent(A, { creditCost: 2, maxGuests: 2, capacity: 3, waitlistCapacity: 2 })
    const [buyer, waiter] = await kit.createMembers(A, 2)
    for (const member of [buyer, waiter]) {
      await app.payload.create({
        collection: 'credit-lots' as never,
        data: {
          tenant: A,
          member,
          creditType: 'class',
          source: 'adjustment',
          initialCredits: 10,
          remainingCredits: 10,
        } as never,
      })
    }
    const desk = cast.inA.frontDesk.client
    const made = await desk.post(`/api/events/${event.id}/rsvp`, { member: buyer, guests: 1 })
    expect(made.body.rsvp).toMatchObject({ status: 'going', paymentMethod: 'credits', creditsUsed: 4 })
    const queued = await desk.post(`/api/events/${event.id}/rsvp`, { member: waiter, guests: 1 })
    expect(queued.body.rsvp).toMatchObject({ status: 'waitlisted', paymentMethod: 'credits', creditsUsed: null })
    expect([await credits(buyer), await credits(waiter)]).toEqual([6, 10])

    const waitingPreview = await desk.get(`/api/event-rsvps/${queued.body.rsvp.id}/cancel-preview`)
    expect(waitingPreview.body).toMatchObject({ refund: { kind: 'none' }, placesFreed: 0 })
    const preview = await desk.get(`/api/event-rsvps/${made.body.rsvp.id}/cancel-preview`)
    expect(preview.body).toMatchObject({ refund: { kind: 'credits', credits: 4 }, placesFreed: 2, promotes: 1 })
    const cancel = await desk.post(`/api/event-rsvps/${made.body.rsvp.id}/cancel`, {})
    expect(cancel.status).toBe(200)
    expect(asPlan(cancel.body.refund)).toEqual(preview.body.refund)
    expect(cancel.body.promoted).toEqual([queued.body.rsvp.id])
    // The buyer's 4 are back; the waiter paid 4 on promotion.
    expect([await credits(buyer), await credits(waiter)]).toEqual([10, 6])
  })
})
