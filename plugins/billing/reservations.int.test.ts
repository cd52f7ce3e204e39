import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { localReqAs, useTestApp } from '@/core/testing'
import { periodEnd } from './operations/periodEnd'
import { billingStore } from './testing/billingStore'

const app = useTestApp()

describe('reserve a membership now, pay at the desk', () => {
  it('a member reserves (incomplete + open invoice, nothing paid or granted); a second reserve is 409; the desk payment activates it from the payment time with its credits', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'])
    const plan = await store.plan({ creditGrantPerPeriod: 4, guestPassesPerPeriod: 1 }, { classes: 'unlimited' })

    const res = await member.client.post('/api/subscriptions/reserve', { plan: plan.id, priceKey: 'monthly' })
    expect(res.status).toBe(201)
    expect(res.body.subscription).toMatchObject({
      status: 'incomplete',
      provider: 'manual',
      member: member.membershipId,
      plan: plan.id,
      priceKey: 'monthly',
      currentPeriodStart: null,
    })
    expect(res.body.invoice).toMatchObject({ total: 9900, currency: 'USD', status: 'open' })
    expect(res.body.invoice.number).toMatch(/^INV-\d{6}$/)
    const sub = res.body.subscription.id
    const [before] = await store.q<{ payments: number; lots: number; invoice: string; due_days: string }>(sql`
      SELECT (SELECT count(*)::int FROM payments WHERE member_id = ${member.membershipId}) AS payments,
             (SELECT count(*)::int FROM credit_lots WHERE member_id = ${member.membershipId}) AS lots,
             (SELECT status FROM invoices WHERE subscription_id = ${sub}) AS invoice,
             (SELECT round(extract(epoch FROM due_at - created_at) / 86400) FROM invoices WHERE subscription_id = ${sub}) AS due_days`)
    expect(before).toEqual({ payments: 0, lots: 0, invoice: 'open', due_days: '7' })

    // Not entitled yet: an incomplete subscription does not book a class.
    const klass = await store.klass()
    const booking = await member.client.post(`/api/classes/${klass.id}/book`)
    expect(booking.body.booking.paymentMethod).toBe('drop_in')

    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        member.client.post('/api/subscriptions/reserve', { plan: plan.id, priceKey: 'monthly' }),
      ),
    )
    expect(again.map((r) => `${r.status} ${r.body.error}`)).toEqual(Array(5).fill('409 reservation_exists'))
    expect(
      (
        await store.q<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM subscriptions WHERE member_id = ${member.membershipId}`,
        )
      )[0].n,
    ).toBe(1)

    // The member cannot pay it themselves; the desk pays it.
    expect((await member.client.post(`/api/invoices/${res.body.invoice.id}/pay`, { provider: 'cash' })).status).toBe(
      404,
    )
    const paidFrom = Date.now()
    const pay = await store.desk.client.post(`/api/invoices/${res.body.invoice.id}/pay`, { provider: 'terminal' })
    const paidTo = Date.now()
    expect(pay.status).toBe(200)
    expect(pay.body).toMatchObject({
      status: 'paid',
      subscription: { id: sub, status: 'active' },
      granted: { credits: 4, guestPasses: 1 },
    })
    const [row] = await store.q<{
      status: string
      current_period_start: Date
      current_period_end: Date
      timezone: string
      i_start: Date
      i_end: Date
      i_status: string
    }>(sql`
      SELECT s.status, s.current_period_start, s.current_period_end, t.timezone, i.period_start AS i_start, i.period_end AS i_end, i.status AS i_status
      FROM subscriptions s JOIN tenants t ON t.id = s.tenant_id JOIN invoices i ON i.subscription_id = s.id WHERE s.id = ${sub}`)
    const start = new Date(row.current_period_start)
    expect(start.getTime()).toBeGreaterThanOrEqual(paidFrom - 1000)
    expect(start.getTime()).toBeLessThanOrEqual(paidTo + 1000)
    expect(new Date(row.current_period_end).toISOString()).toBe(
      periodEnd(start, 'month', 1, row.timezone || 'UTC')!.toISOString(),
    )
    expect(row).toMatchObject({ status: 'active', i_status: 'paid' })
    expect(new Date(row.i_start).toISOString()).toBe(start.toISOString())
    expect(new Date(row.i_end).toISOString()).toBe(new Date(row.current_period_end).toISOString())
    const lots = await store.q<{ credit_type: string; initial_credits: string }>(
      sql`SELECT credit_type, initial_credits FROM credit_lots WHERE subscription = ${sub} ORDER BY credit_type`,
    )
    expect(lots.map((l) => [l.credit_type, Number(l.initial_credits)])).toEqual([
      ['class', 4],
      ['guest_pass', 1],
    ])
    const payments = await store.q<{ amount_amount: string; provider: string; ref_id: string; invoice: string }>(
      sql`SELECT amount_amount, provider, ref_id, invoice FROM payments WHERE member_id = ${member.membershipId}`,
    )
    expect(payments).toEqual([
      { amount_amount: '9900', provider: 'terminal', ref_id: sub, invoice: res.body.invoice.id },
    ])

    // Paid once; the member now holds a running subscription.
    expect(
      (await store.desk.client.post(`/api/invoices/${res.body.invoice.id}/pay`, { provider: 'cash' })).body.error,
    ).toBe('not_open')
    expect(
      (await member.client.post('/api/subscriptions/reserve', { plan: plan.id, priceKey: 'monthly' })).body.error,
    ).toBe('already_subscribed')
  })

  it('staff reserve for a member; members cannot reserve for others; strangers, bad input and inactive prices are refused', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'])
    const other = await store.person(['member'], false)
    const plan = await store.plan({
      prices: [
        { key: 'monthly', interval: 'month', intervalCount: 1, amount: 9900, currency: 'USD', active: true },
        { key: 'old', interval: 'month', intervalCount: 1, amount: 5000, currency: 'USD', active: false },
      ],
    })
    const byDesk = await store.desk.client.post('/api/subscriptions/reserve', {
      plan: plan.id,
      priceKey: 'monthly',
      member: other.membershipId,
    })
    expect(byDesk.status).toBe(201)
    expect(byDesk.body.subscription.member).toBe(other.membershipId)
    expect(
      (
        await member.client.post('/api/subscriptions/reserve', {
          plan: plan.id,
          priceKey: 'monthly',
          member: other.membershipId,
        })
      ).status,
    ).toBe(403)
    expect(
      (await member.client.post('/api/subscriptions/reserve', { plan: plan.id, priceKey: 'old' })).body.error,
    ).toBe('price_inactive')
    expect(
      (await member.client.post('/api/subscriptions/reserve', { plan: plan.id, priceKey: 'nope' })).body.error,
    ).toBe('price_not_found')
    const bad = await member.client.post('/api/subscriptions/reserve', { plan: plan.id })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('priceKey is required.')
    expect((await app.http().post('/api/subscriptions/reserve', { plan: plan.id, priceKey: 'monthly' })).status).toBe(
      401,
    )

    const elsewhere = await billingStore(app)
    const stranger = await elsewhere.person(['member'])
    const refused = await stranger.client.post('/api/subscriptions/reserve', { plan: plan.id, priceKey: 'monthly' })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toBe('not_a_member')
    expect(
      (await store.q<{ n: number }>(sql`SELECT count(*)::int AS n FROM subscriptions WHERE plan_id = ${plan.id}`))[0].n,
    ).toBe(1)
  })

  it('a reservation unpaid after its due date is canceled by the daily job (invoice void), once; the member may reserve again', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'])
    const plan = await store.plan({})
    const res = await member.client.post('/api/subscriptions/reserve', { plan: plan.id, priceKey: 'monthly' })
    expect(res.status).toBe(201)
    // Not yet due: the job leaves it alone.
    await store.renew()
    expect(
      (
        await store.q<{ status: string }>(sql`SELECT status FROM subscriptions WHERE id = ${res.body.subscription.id}`)
      )[0].status,
    ).toBe('incomplete')
    await store.q(sql`UPDATE invoices SET due_at = now() - interval '1 minute' WHERE id = ${res.body.invoice.id}`)
    const [first, second] = await Promise.all([store.renew(), store.renew()])
    expect(first.reservationsExpired + second.reservationsExpired).toBe(1)
    const [row] = await store.q<{ status: string; canceled: boolean; invoice: string }>(sql`
      SELECT s.status, s.canceled_at IS NOT NULL AS canceled, i.status AS invoice FROM subscriptions s JOIN invoices i ON i.subscription_id = s.id WHERE s.id = ${res.body.subscription.id}`)
    expect(row).toEqual({ status: 'canceled', canceled: true, invoice: 'void' })
    expect(
      (await store.desk.client.post(`/api/invoices/${res.body.invoice.id}/pay`, { provider: 'cash' })).body.error,
    ).toBe('not_open')
    expect(
      (await member.client.post('/api/subscriptions/reserve', { plan: plan.id, priceKey: 'monthly' })).status,
    ).toBe(201)
  })

  it('members read their own subscriptions, invoices and payments through the Local API (overrideAccess: false), not another member’s; staff read the tenant’s', async () => {
    const store = await billingStore(app)
    const a = await store.person(['member'], false)
    const b = await store.person(['member'], false)
    const plan = await store.plan({})
    expect((await store.subscribe(a.membershipId, plan.id)).status).toBe(201)
    expect((await store.subscribe(b.membershipId, plan.id)).status).toBe(201)
    const asA = await localReqAs(app.payload, a.userId)
    const asDesk = await localReqAs(app.payload, store.desk.userId)
    for (const collection of ['subscriptions', 'invoices', 'payments'] as const) {
      const mine = await app.payload.find({ collection, req: asA, overrideAccess: false, depth: 0 })
      expect(mine.docs.length, collection).toBe(1)
      expect(
        mine.docs.every((doc) => (doc as { member?: unknown }).member === a.membershipId),
        collection,
      ).toBe(true)
      const [ofB] = await store.q<{ id: string }>(
        sql.raw(`SELECT id FROM ${collection} WHERE member_id = '${b.membershipId}'`),
      )
      await expect(
        app.payload.findByID({ collection, id: ofB.id, req: asA, overrideAccess: false, depth: 0 }),
        collection,
      ).rejects.toThrow()
      const staff = await app.payload.find({
        collection,
        req: asDesk,
        overrideAccess: false,
        depth: 0,
        where: { tenant: { equals: store.tenant } },
      })
      expect(staff.docs.length, collection).toBe(2)
    }
  })
})
