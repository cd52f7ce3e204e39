import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { callPort, inTransaction } from '@/core'
import { refundPaymentPort } from '@plugins/bookings/contract'
import { useTestApp } from '@/core/testing'
import { createLocalReq } from 'payload'
import { billingStore } from './testing/billingStore'

const app = useTestApp()
/** One tenant (owner and desk signed in once) for the whole file: sign-ins are rate limited per minute. */
let shared: Promise<Awaited<ReturnType<typeof billingStore>>> | undefined
const storeOnce = () => (shared ??= billingStore(app))

type Store = Awaited<ReturnType<typeof billingStore>>
type Person = Awaited<ReturnType<Store['person']>>

/** Books a fresh priced class as `person` and answers the HTTP response. */
const bookNew = async (store: Store, person: Person, data: Record<string, unknown> = {}) => {
  const klass = await store.klass(data)
  return person.client.post(`/api/classes/${klass.id}/book`)
}

describe('guards.canBook with the bookings plugin', () => {
  it('an unlimited plan books with paymentMethod membership; cancel at period end keeps it until the period ends; pause stops it', async () => {
    const store = await storeOnce()
    const member = await store.person(['member'])
    const plan = await store.plan({}, { classes: 'unlimited' })
    const sub = (await store.subscribe(member.membershipId, plan.id)).body.subscription

    const booked = await bookNew(store, member)
    expect(booked.status).toBe(201)
    expect(booked.body.booking.paymentMethod).toBe('membership')
    const [ref] = await store.q<{ payment_reference: { collection: string; id: string } }>(
      sql`SELECT payment_reference FROM bookings WHERE id = ${booked.body.booking.id}`,
    )
    expect(ref.payment_reference).toEqual({ collection: 'subscriptions', id: sub.id })
    // Without a plan: a priced class is a drop-in, a free one is free.
    const walkIn = await store.person(['member'])
    expect((await bookNew(store, walkIn)).body.booking.paymentMethod).toBe('drop_in')
    expect((await bookNew(store, walkIn, { price: null })).body.booking.paymentMethod).toBe('free')

    // Cancel at period end (the member): still entitled inside the period.
    const cancel = await member.client.post(`/api/subscriptions/${sub.id}/cancel`, { atPeriodEnd: true })
    expect(cancel.status).toBe(200)
    expect(cancel.body.subscription).toMatchObject({ status: 'active', cancelAtPeriodEnd: true })
    expect((await bookNew(store, member)).body.booking.paymentMethod).toBe('membership')
    // The period ends: no longer entitled even before the job runs, and the job ends it.
    await store.q(sql`UPDATE subscriptions SET current_period_end = now() - interval '1 minute' WHERE id = ${sub.id}`)
    expect((await bookNew(store, member)).body.booking.paymentMethod).toBe('drop_in')
    expect((await store.renew()).ended).toBeGreaterThanOrEqual(1)
    expect(
      (await store.q<{ status: string }>(sql`SELECT status FROM subscriptions WHERE id = ${sub.id}`))[0].status,
    ).toBe('canceled')

    // Pause (desk only) → refused with the reason; resume → membership again.
    const other = await store.person(['member'])
    const sub2 = (await store.subscribe(other.membershipId, plan.id)).body.subscription
    expect((await other.client.post(`/api/subscriptions/${sub2.id}/pause`)).status).toBe(403)
    expect((await store.desk.client.post(`/api/subscriptions/${sub2.id}/pause`)).body.subscription.status).toBe(
      'paused',
    )
    const paused = await bookNew(store, other)
    expect(paused.status).toBe(403)
    expect(paused.body).toEqual({ error: 'membership_paused', message: 'Your membership is paused.' })
    expect((await store.desk.client.post(`/api/subscriptions/${sub2.id}/resume`)).body.subscription.status).toBe(
      'active',
    )
    expect((await bookNew(store, other)).body.booking.paymentMethod).toBe('membership')
    // Cancel now (staff): ends entitlement at once.
    expect(
      (await store.desk.client.post(`/api/subscriptions/${sub2.id}/cancel`, { atPeriodEnd: false })).body.subscription
        .status,
    ).toBe('canceled')
    expect((await bookNew(store, other)).body.booking.paymentMethod).toBe('drop_in')
    expect((await other.client.post(`/api/subscriptions/${sub2.id}/cancel`, {})).body.error).toBe('already_canceled')
  })

  it('past due still entitles while dunning retries; suspended refuses with the reason; paying the invoice restores it', async () => {
    const store = await storeOnce()
    const member = await store.person(['member'])
    const plan = await store.plan({}, { classes: 'unlimited' })
    const sub = (await store.subscribe(member.membershipId, plan.id)).body.subscription
    await store.q(
      sql`UPDATE subscriptions SET current_period_start = now() - interval '40 days', current_period_end = now() - interval '10 days' WHERE id = ${sub.id}`,
    )
    await store.renew()
    const [invoice] = await store.q<{ id: string }>(
      sql`SELECT id FROM invoices WHERE subscription_id = ${sub.id} AND status = 'open'`,
    )
    await store.q(sql`UPDATE invoices SET due_at = now() - interval '1 day' WHERE id = ${invoice.id}`)
    await store.renew()
    expect(
      (
        await store.q<{ status: string; dunning_stage: string }>(
          sql`SELECT status, dunning_stage FROM subscriptions WHERE id = ${sub.id}`,
        )
      )[0],
    ).toEqual({ status: 'past_due', dunning_stage: 'retrying' })
    expect((await bookNew(store, member)).body.booking.paymentMethod).toBe('membership')
    await store.q(sql`UPDATE invoices SET due_at = now() - interval '8 days' WHERE id = ${invoice.id}`)
    await store.renew()
    expect(
      (await store.q<{ dunning_stage: string }>(sql`SELECT dunning_stage FROM subscriptions WHERE id = ${sub.id}`))[0]
        .dunning_stage,
    ).toBe('suspended')
    const refused = await bookNew(store, member)
    expect(refused.status).toBe(403)
    expect(refused.body.error).toBe('membership_suspended')
    expect((await store.desk.client.post(`/api/invoices/${invoice.id}/pay`, { provider: 'cash' })).status).toBe(200)
    expect((await bookNew(store, member)).body.booking.paymentMethod).toBe('membership')
  })

  it('a billing-group dependent is entitled only while the payer is', async () => {
    const store = await storeOnce()
    const payer = await store.person(['member'])
    const child = await store.person(['member'])
    const plan = await store.plan({}, { classes: 'unlimited' })
    const sub = (await store.subscribe(payer.membershipId, plan.id)).body.subscription
    expect((await bookNew(store, child)).body.booking.paymentMethod).toBe('drop_in')
    const group = await store.desk.client.post('/api/billing-groups', {
      tenant: store.tenant,
      name: 'Family',
      payer: payer.membershipId,
      dependents: [child.membershipId],
    })
    expect(group.status).toBe(201)
    expect(
      (
        await store.desk.client.post('/api/billing-groups', {
          tenant: store.tenant,
          name: 'Bad',
          payer: child.membershipId,
          dependents: [child.membershipId],
        })
      ).status,
    ).toBe(400)
    expect((await bookNew(store, child)).body.booking.paymentMethod).toBe('membership')
    await store.desk.client.post(`/api/subscriptions/${sub.id}/pause`)
    expect((await bookNew(store, child)).body.error).toBe('membership_paused')
    await store.desk.client.post(`/api/subscriptions/${sub.id}/resume`)
    expect((await bookNew(store, child)).body.booking.paymentMethod).toBe('membership')
    await store.desk.client.post(`/api/subscriptions/${sub.id}/cancel`, { atPeriodEnd: false })
    expect((await bookNew(store, child)).body.booking.paymentMethod).toBe('drop_in')
  })

  it('a quota of 5 classes: 50 concurrent bookings of different classes → exactly 5, counted once in usage-records; an in-window cancel gives the use back', async () => {
    const store = await storeOnce()
    const member = await store.person(['member'])
    const plan = await store.plan({}, { classes: '5' })
    const sub = (await store.subscribe(member.membershipId, plan.id)).body.subscription
    const classes = await Promise.all(Array.from({ length: 50 }, () => store.klass()))
    const results = await Promise.all(classes.map((k) => member.client.post(`/api/classes/${k.id}/book`)))
    const ok = results.filter((r) => r.status === 201)
    console.info(`[billing] 50 concurrent bookings on a quota of 5: ${ok.length} booked`)
    expect(ok).toHaveLength(5)
    expect(ok.every((r) => r.body.booking.paymentMethod === 'membership')).toBe(true)
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.error}`))).toEqual(
      new Set(['403 quota_exhausted']),
    )
    const usage = await store.q<{ quantity: string; n: string; targets: string[] }>(sql`
      SELECT quantity, jsonb_array_length(targets) AS n, targets FROM usage_records WHERE member_id = ${member.membershipId} AND feature_key = 'classes'`)
    expect(usage).toHaveLength(1)
    expect(Number(usage[0].quantity)).toBe(5)
    expect(Number(usage[0].n)).toBe(5)
    const [count] = await store.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM bookings WHERE member_id = ${member.membershipId} AND status = 'confirmed'`,
    )
    expect(count.n).toBe(5)

    // Cancelled in window: the use comes back (after the event is delivered), once.
    const cancel = await member.client.post(`/api/bookings/${ok[0].body.booking.id}/cancel`, {})
    expect(cancel.status).toBe(200)
    await app.payload.jobs.run({ limit: 200 })
    await app.payload.jobs.run({ limit: 200 })
    const [released] = await store.q<{ quantity: string }>(
      sql`SELECT quantity FROM usage_records WHERE member_id = ${member.membershipId}`,
    )
    expect(Number(released.quantity)).toBe(4)
    expect((await bookNew(store, member)).body.booking.paymentMethod).toBe('membership')
    expect((await bookNew(store, member)).body.error).toBe('quota_exhausted')
    expect(sub.id).toBeTruthy()
  }, 120_000)

  it('no plan but a 5-credit pack: books with credits and gets the credit back on an in-window cancel', async () => {
    const store = await storeOnce()
    const member = await store.person(['member'])
    const pack = await store.owner.client.post('/api/products', {
      tenant: store.tenant,
      name: 'Five pack',
      slug: `five-${Date.now()}`,
      kind: 'credit_pack',
      price: { amount: 7500, currency: 'USD' },
      pack: { credits: 5, creditType: 'class', validityDays: 30 },
    })
    expect(pack.status).toBe(201)
    const sold = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      member: member.membershipId,
      lines: [{ product: pack.body.doc.id, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    expect(sold.status).toBe(201)
    const balance = async () =>
      Number(
        (
          await store.q<{ b: string }>(
            sql`SELECT coalesce(sum(remaining_credits), 0) AS b FROM credit_lots WHERE member_id = ${member.membershipId}`,
          )
        )[0].b,
      )

    const booked = await bookNew(store, member, { creditCost: 1 })
    expect(booked.status).toBe(201)
    expect(booked.body.booking.paymentMethod).toBe('credits')
    expect(await balance()).toBe(4)
    const cancel = await member.client.post(`/api/bookings/${booked.body.booking.id}/cancel`, {})
    expect(cancel.status).toBe(200)
    expect(await balance()).toBe(5)
    // A class costing more credits than held and no price → the debit refuses (402), nothing written.
    const broke = await bookNew(store, member, { creditCost: 9, price: null })
    expect(broke.status).toBe(402)
    expect(await balance()).toBe(5)
  })

  it('payments.refund refunds what was paid for a ref, once', async () => {
    const store = await storeOnce()
    const member = await store.person(['member'], false)
    const ref = { collection: 'event-rsvps', id: `rsvp-${Date.now()}` }
    const paid = await store.desk.client.post('/api/payments/manual', {
      tenant: store.tenant,
      member: member.membershipId,
      purpose: 'event',
      ref,
      provider: 'cash',
      amount: { amount: 3000, currency: 'USD' },
    })
    expect(paid.status).toBe(201)
    const refund = async () => {
      const req = await createLocalReq({}, app.payload)
      return inTransaction(req, () =>
        callPort(req, refundPaymentPort, { tenant: store.tenant, ref, reason: 'Event cancelled' }),
      )
    }
    const [a, b] = await Promise.all([refund(), refund()])
    expect([a, b]).toContainEqual({ ok: true, refunded: { amount: 3000, currency: 'USD' } })
    expect([a, b]).toContainEqual({ ok: true, refunded: null })
    const [row] = await store.q<{ amount_refunded: string; status: string }>(
      sql`SELECT amount_refunded, status FROM payments WHERE id = ${paid.body.payment.id}`,
    )
    expect(row).toMatchObject({ status: 'refunded' })
    expect(Number(row.amount_refunded)).toBe(3000)
  })
})
