import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { useFakeStripe } from '@/core/testing/useFakeStripe'
import { facilityClub, type FacilityClub } from './facilityTestKit'

const WEBHOOK_SECRET = 'whsec_atrium_facility_expiry'
const app = useTestApp()
const fake = useFakeStripe(WEBHOOK_SECRET)
let shared: FacilityClub | undefined
const club = async () => (shared ??= await facilityClub(app, { stripe: true }))

const orderOf = async (c: FacilityClub, id: string) =>
  (
    await c.kit.q<{ status: string; total: number; minutes_left: number }>(
      sql`SELECT status::text AS status, total::int AS total,
                 (extract(epoch FROM expires_at - now()) / 60)::int AS minutes_left FROM orders WHERE id = ${id}`,
    )
  )[0]
const feeOf = async (c: FacilityClub, reservation: string) =>
  (
    await c.kit.q<{ status: string; order: string | null }>(
      sql`SELECT status::text AS status, commerce_order AS order FROM fee_snapshots WHERE reservation_id = ${reservation} AND status <> 'void'`,
    )
  )[0]

/** The hold of `order` ran out a minute ago, then commerce's expiry job runs from the queue. */
const expire = async (c: FacilityClub, order: string) => {
  await c.kit.q(sql`UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id = ${order}`)
  await app.payload.jobs.queue({ task: 'expirePendingOrders', input: {} })
  await c.runJobs(['expirePendingOrders'])
}

describe('an unpaid fee order expires', () => {
  it('the pay request’s order expires after the hold (default 30 min) through commerce’s expiry; a Stripe payment made on the stale page is refunded and leaves the fee pending; the next pay request opens a fresh order that can be paid', async () => {
    const c = await club()
    const member = await c.newMember()
    const bay = await c.kit.createBay(c.tenant, { rates: [{ tier: null, peak: 3000, offPeak: 3000 }] })
    const booked = await member.client.post('/api/reservations/book', {
      resource: bay,
      startAt: c.kit.at(4, '10:00'),
      endAt: c.kit.at(4, '11:00'),
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const id = booked.body.id as string

    const first = await member.client.post(`/api/reservations/${id}/pay`)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const opened = await orderOf(c, first.body.order)
    expect(opened.status).toBe('pending')
    // 30 minutes, moved to Stripe's 30-minute minimum session plus a minute when the page is made.
    expect(opened.minutes_left).toBeGreaterThanOrEqual(29)
    expect(opened.minutes_left).toBeLessThanOrEqual(32)

    await expire(c, first.body.order)
    expect((await orderOf(c, first.body.order)).status).toBe('canceled')
    const [{ expired }] = await c.kit.q<{ expired: number }>(
      sql`SELECT count(*)::int AS expired FROM audit_logs WHERE action = 'order.expired' AND resource_id = ${first.body.order}`,
    )
    expect(expired).toBe(1)

    // The member pays on the stale page anyway: commerce refunds it; the fee stays pending.
    const session = fake.completeCheckout(c.account, first.body.checkout.id)
    const paid = fake.event('checkout.session.completed', session, { account: c.account })
    expect((await fake.deliver(app.baseUrl, paid)).status).toBe(200)
    await c.runJobs()
    expect(await feeOf(c, id)).toMatchObject({ status: 'pending' })
    const [payment] = await c.kit.q<{ status: string }>(
      sql`SELECT status::text AS status FROM payments WHERE provider_ref = ${session.payment_intent}`,
    )
    expect(payment.status).toBe('refunded')

    // The next request makes a fresh order (the stale one is not reused)...
    const second = await member.client.post(`/api/reservations/${id}/pay`)
    expect(second.status, JSON.stringify(second.body)).toBe(200)
    expect(second.body.order).not.toBe(first.body.order)
    expect(await orderOf(c, second.body.order)).toMatchObject({ status: 'pending', total: 3000 })
    expect((await feeOf(c, id)).order).toBe(second.body.order)

    // ...and one whose hold ran out before the job came by is expired by the next request, not reused.
    await c.kit.q(sql`UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = ${second.body.order}`)
    const third = await c.desk.post(`/api/reservations/${id}/pay`, { method: 'cash' })
    expect(third.status, JSON.stringify(third.body)).toBe(200)
    expect(third.body.order).not.toBe(second.body.order)
    expect((await orderOf(c, second.body.order)).status).toBe('canceled')
    expect(third.body.orderStatus).toBe('paid')
    await c.runJobs()
    expect(await feeOf(c, id)).toMatchObject({ status: 'paid', order: third.body.order })
    // Nothing but the third order was ever paid for this fee.
    const [{ paidOrders }] = await c.kit.q<{ paidOrders: number }>(
      sql`SELECT count(*)::int AS "paidOrders" FROM orders WHERE member_id = ${member.id} AND status = 'paid'`,
    )
    expect(paidOrders).toBe(1)
  }, 120_000)
})
