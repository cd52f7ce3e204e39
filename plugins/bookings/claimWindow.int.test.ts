import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Plugin } from 'payload'
import { subscribe } from '@/core'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

const eventProbe = (): Plugin => (config) =>
  subscribe(config, { name: 'test.claimProbe', event: '*', handler: () => undefined })
const app = useTestApp({ plugins: [eventProbe()] })
let kit: ReturnType<typeof bookingsTestKit>
let tenant: string
let desk: HttpClient

const eventsAbout = async (id: string) =>
  (
    await kit.q<{ type: string }>(
      sql`SELECT input->'event'->>'type' AS type FROM payload_jobs WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = 'test.claimProbe' AND input->'event'->'subject'->>'id' = ${id} ORDER BY created_at`,
    )
  ).map((r) => r.type)
/** Counters against rows, and the waitlist positions. */
const state = async (classId: string) =>
  (
    await kit.q<Record<string, number | string>>(sql`
      SELECT (SELECT booked_count FROM classes WHERE id = ${classId})::int AS booked_count,
             (SELECT waitlist_count FROM classes WHERE id = ${classId})::int AS waitlist_count,
             count(*) FILTER (WHERE status IN ('confirmed', 'offered', 'checked_in'))::int AS holding,
             count(*) FILTER (WHERE status = 'offered')::int AS offered,
             count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
             coalesce(string_agg(waitlist_position::text, ',' ORDER BY waitlist_position) FILTER (WHERE status = 'waitlisted'), '') AS positions
      FROM bookings WHERE class_id = ${classId}`)
  )[0]
const statusOf = async (id: string) =>
  (await kit.q<{ status: string }>(sql`SELECT status FROM bookings WHERE id = ${id}`))[0].status
const expireNow = async (id: string) =>
  kit.q(sql`UPDATE bookings SET offer_expires_at = now() - interval '1 second' WHERE id = ${id}`)
const runExpiry = async () => {
  await app.payload.jobs.queue({ task: 'expireWaitlistOffers' as never, input: {} as never })
  await app.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'expireWaitlistOffers' } } as never })
}

beforeAll(async () => {
  kit = bookingsTestKit(app.payload)
  tenant = String((await createTenant(app.payload)).id)
  const { user } = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
  desk = (await signIn(app, user.email)).client
  await app.payload.update({
    collection: 'tenant-settings',
    where: { tenant: { equals: tenant } },
    data: { bookings: { claimWindowMinutes: 30 } } as never,
  })
})

describe('waitlist claim window', () => {
  it('offers freed places FIFO, holds them, passes expired and declined offers on, and lets the member claim', async () => {
    const klass = await kit.createClass(tenant, { capacity: 2, waitlistCapacity: 10 })
    const members = await kit.createMembers(tenant, 8)
    const booked: string[] = []
    for (const member of members)
      booked.push((await desk.post(`/api/classes/${klass.id}/book`, { member })).body.booking.id)
    expect(await state(klass.id)).toEqual({
      booked_count: 2,
      waitlist_count: 6,
      holding: 2,
      offered: 0,
      waitlisted: 6,
      positions: '1,2,3,4,5,6',
    })

    // Both confirmed members cancel at once: the first two in line are offered the places, which stay held.
    const cancels = await Promise.all(booked.slice(0, 2).map((id) => desk.post(`/api/bookings/${id}/cancel`)))
    expect(cancels.map((r) => r.status)).toEqual([200, 200])
    const [w1, w2, w3, w4] = booked.slice(2)
    expect([await statusOf(w1), await statusOf(w2), await statusOf(w3)]).toEqual(['offered', 'offered', 'waitlisted'])
    expect(await state(klass.id)).toEqual({
      booked_count: 2,
      waitlist_count: 4,
      holding: 2,
      offered: 2,
      waitlisted: 4,
      positions: '1,2,3,4',
    })
    const [offer] = await kit.q<{ offer_expires_at: Date; offered_at: Date }>(
      sql`SELECT offer_expires_at, offered_at FROM bookings WHERE id = ${w1}`,
    )
    expect(new Date(offer.offer_expires_at).getTime() - new Date(offer.offered_at).getTime()).toBe(30 * 60_000)
    // A new booker joins the waitlist: the offered places are held.
    const [late] = await kit.createMembers(tenant, 1)
    expect((await desk.post(`/api/classes/${klass.id}/book`, { member: late })).body.booking).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 5,
    })

    // Ten concurrent claims of one offer: exactly one wins.
    const claims = await Promise.all(Array.from({ length: 10 }, () => desk.post(`/api/bookings/${w1}/claim`)))
    expect(claims.filter((r) => r.status === 200)).toHaveLength(1)
    expect(new Set(claims.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.error}`))).toEqual(
      new Set(['409 not_offered']),
    )
    expect(claims.find((r) => r.status === 200)!.body.booking).toMatchObject({
      id: w1,
      status: 'confirmed',
      paymentMethod: 'free',
    })
    expect(await eventsAbout(w1)).toEqual(['booking.waitlisted', 'booking.offered', 'booking.claimed'])
    // A waitlisted booking has nothing to claim.
    expect((await desk.post(`/api/bookings/${w3}/claim`)).body.error).toBe('not_offered')

    // w2's offer expires: the job cancels it and offers the place to w3; w2 can no longer claim.
    await expireNow(w2)
    expect((await desk.post(`/api/bookings/${w2}/claim`)).body.error).toBe('offer_expired')
    await runExpiry()
    expect([await statusOf(w2), await statusOf(w3)]).toEqual(['cancelled', 'offered'])
    expect(await eventsAbout(w2)).toEqual(['booking.waitlisted', 'booking.offered', 'booking.offer_expired'])
    expect((await desk.post(`/api/bookings/${w2}/claim`)).body.error).toBe('not_offered')
    expect(await state(klass.id)).toEqual({
      booked_count: 2,
      waitlist_count: 4,
      holding: 2,
      offered: 1,
      waitlisted: 4,
      positions: '1,2,3,4',
    })

    // w3 declines (cancels the offered booking): w4 is offered the place.
    const declined = await desk.post(`/api/bookings/${w3}/cancel`)
    expect(declined.status).toBe(200)
    expect(declined.body.booking.status).toBe('cancelled')
    expect(await statusOf(w4)).toBe('offered')
    expect(await state(klass.id)).toEqual({
      booked_count: 2,
      waitlist_count: 3,
      holding: 2,
      offered: 1,
      waitlisted: 3,
      positions: '1,2,3',
    })

    // A claim racing the expiry job: one of them wins, never both, and the counters stay exact.
    await expireNow(w4)
    const [raced] = await Promise.all([desk.post(`/api/bookings/${w4}/claim`), runExpiry()])
    expect(raced.status).toBe(409)
    expect(await statusOf(w4)).toBe('cancelled')
    expect(await statusOf(booked[6])).toBe('offered')
    expect(await state(klass.id)).toEqual({
      booked_count: 2,
      waitlist_count: 2,
      holding: 2,
      offered: 1,
      waitlisted: 2,
      positions: '1,2',
    })
  })

  it('with no claim window (0) a freed place goes straight to the next in line', async () => {
    const other = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant: other, roles: ['front_desk'] })
    const otherDesk = (await signIn(app, user.email)).client
    const klass = await kit.createClass(other, { capacity: 1, waitlistCapacity: 2 })
    const [m1, m2] = await kit.createMembers(other, 2)
    const first = (await otherDesk.post(`/api/classes/${klass.id}/book`, { member: m1 })).body.booking.id
    const second = (await otherDesk.post(`/api/classes/${klass.id}/book`, { member: m2 })).body.booking.id
    await otherDesk.post(`/api/bookings/${first}/cancel`)
    expect(await statusOf(second)).toBe('confirmed')
  })
})
