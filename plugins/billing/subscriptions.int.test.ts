import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { useTestApp } from '@/core/testing'
import { billingStore } from './testing/billingStore'

const app = useTestApp()

describe('plans and manual subscriptions', () => {
  it('a price in use cannot change in place (400 with the reason); a new price can be added and the old one deactivated', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'])
    const plan = await store.plan({}, { classes: 'unlimited' })
    // Before anyone uses it, a price can still be corrected.
    const fixed = await store.owner.client.patch(`/api/membership-plans/${plan.id}`, {
      prices: [{ ...plan.prices[0], amount: 9500 }],
    })
    expect(fixed.status).toBe(200)
    expect((await store.subscribe(member.membershipId, plan.id)).status).toBe(201)

    const changed = await store.owner.client.patch(`/api/membership-plans/${plan.id}`, {
      prices: [{ ...fixed.body.doc.prices[0], amount: 12000 }],
    })
    expect(changed.status).toBe(400)
    expect(JSON.stringify(changed.body)).toContain('Price \\"monthly\\" is used by subscriptions')
    const removed = await store.owner.client.patch(`/api/membership-plans/${plan.id}`, { prices: [] })
    expect(removed.status).toBe(400)
    const [row] = await store.q<{ amount: string }>(
      sql`SELECT amount FROM membership_plans_prices WHERE _parent_id = ${plan.id}`,
    )
    expect(Number(row.amount)).toBe(9500)

    const next = await store.owner.client.patch(`/api/membership-plans/${plan.id}`, {
      prices: [
        { ...fixed.body.doc.prices[0], active: false },
        { key: 'monthly-2027', interval: 'month', intervalCount: 1, amount: 12000, currency: 'USD', active: true },
      ],
    })
    expect(next.status).toBe(200)
    const other = await store.person(['member'])
    expect((await store.subscribe(other.membershipId, plan.id, 'monthly')).body.error).toBe('price_inactive')
    expect((await store.subscribe(other.membershipId, plan.id, 'monthly-2027')).status).toBe(201)
    // A member cannot write plans or start subscriptions.
    expect(
      (
        await member.client.post('/api/subscriptions/manual', {
          tenant: store.tenant,
          member: member.membershipId,
          plan: plan.id,
          priceKey: 'monthly-2027',
        })
      ).status,
    ).toBe(403)
    expect((await member.client.post('/api/membership-plans', { tenant: store.tenant, name: 'Mine' })).status).toBe(403)
  })

  it('starting a manual subscription records the desk payment, a paid invoice, an active period and the credits; bad input is refused', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'])
    const plan = await store.plan(
      { creditGrantPerPeriod: 4, creditExpiryDays: 40, guestPassesPerPeriod: 2 },
      { classes: '8' },
    )
    const res = await store.subscribe(member.membershipId, plan.id)
    expect(res.status).toBe(201)
    const sub = res.body.subscription
    expect(sub).toMatchObject({
      status: 'active',
      provider: 'manual',
      priceKey: 'monthly',
      member: member.membershipId,
      cancelAtPeriodEnd: false,
      dunningStage: 'none',
    })
    // One month later on the tenant's wall clock (New York), whatever the DST offset.
    const start = new Date(sub.currentPeriodStart)
    const end = new Date(sub.currentPeriodEnd)
    expect((end.getTime() - start.getTime()) / 86_400_000).toBeGreaterThanOrEqual(27.9)
    expect((end.getTime() - start.getTime()) / 86_400_000).toBeLessThanOrEqual(31.1)
    expect(res.body.invoice.number).toMatch(/^INV-\d{6}$/)
    expect(res.body.granted).toEqual({ credits: 4, guestPasses: 2 })

    const [payment] = await store.q<{
      amount_amount: string
      provider: string
      purpose: string
      ref_id: string
      invoice: string
    }>(
      sql`SELECT amount_amount, provider, purpose, ref_id, invoice FROM payments WHERE member_id = ${member.membershipId}`,
    )
    expect(payment).toMatchObject({
      provider: 'cash',
      purpose: 'subscription',
      ref_id: sub.id,
      invoice: res.body.invoice.id,
    })
    expect(Number(payment.amount_amount)).toBe(9900)
    const [invoice] = await store.q<{ status: string; amount_amount: string }>(
      sql`SELECT status, amount_amount FROM invoices WHERE subscription_id = ${sub.id}`,
    )
    expect(invoice.status).toBe('paid')
    const lots = await store.q<{ credit_type: string; initial_credits: string }>(
      sql`SELECT credit_type, initial_credits FROM credit_lots WHERE subscription = ${sub.id} ORDER BY credit_type`,
    )
    expect(lots.map((l) => [l.credit_type, Number(l.initial_credits)])).toEqual([
      ['class', 4],
      ['guest_pass', 2],
    ])

    // The member reads their own subscription; another member does not see it.
    expect((await member.client.get(`/api/subscriptions/${sub.id}`)).status).toBe(200)
    const stranger = await store.person(['member'])
    expect((await stranger.client.get(`/api/subscriptions/${sub.id}`)).status).toBe(404)
    expect((await member.client.patch(`/api/subscriptions/${sub.id}`, { status: 'canceled' })).status).toBe(403)

    // Ten concurrent starts of the same plan for another member → exactly one subscription, one payment.
    const racer = await store.person(['member'])
    const raced = await Promise.all(Array.from({ length: 10 }, () => store.subscribe(racer.membershipId, plan.id)))
    expect(raced.filter((r) => r.status === 201)).toHaveLength(1)
    expect(new Set(raced.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.error}`))).toEqual(
      new Set(['409 already_subscribed']),
    )
    const [racedRows] = await store.q<{ subs: number; payments: number }>(sql`
      SELECT (SELECT count(*)::int FROM subscriptions WHERE member_id = ${racer.membershipId}) AS subs,
             (SELECT count(*)::int FROM payments WHERE member_id = ${racer.membershipId}) AS payments`)
    expect(racedRows).toEqual({ subs: 1, payments: 1 })
    expect((await store.subscribe(member.membershipId, plan.id)).body.error).toBe('already_subscribed')
    const bad = await store.desk.client.post('/api/subscriptions/manual', {
      tenant: store.tenant,
      member: member.membershipId,
      plan: plan.id,
      priceKey: 'weekly',
      payment: { provider: 'bitcoin' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('payment.provider must be cash, terminal or manual.')
    expect((await store.subscribe(member.membershipId, plan.id, 'weekly')).body).toMatchObject({
      error: 'unknown_price',
    })
  })

  it('renewal at period end is idempotent: two concurrent runs + one more → one new period, one open invoice, one credit grant; an unpaid invoice past due → past_due, paid at the desk → active', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'])
    const plan = await store.plan({ creditGrantPerPeriod: 3 }, { classes: 'unlimited' })
    const sub = (await store.subscribe(member.membershipId, plan.id)).body.subscription
    const oldEnd = new Date(Date.now() - 60_000).toISOString()
    await store.q(
      sql`UPDATE subscriptions SET current_period_start = ${oldEnd}::timestamptz - interval '31 days', current_period_end = ${oldEnd}::timestamptz WHERE id = ${sub.id}`,
    )

    // Two runs at once and a third afterwards: one renewal.
    const [first, second] = await Promise.all([store.renew(), store.renew()])
    expect(first.renewed + second.renewed).toBe(1)
    expect((await store.renew()).renewed).toBe(0)
    const [after] = await store.q<{ status: string; current_period_start: Date; current_period_end: Date }>(
      sql`SELECT status, current_period_start, current_period_end FROM subscriptions WHERE id = ${sub.id}`,
    )
    expect(after.status).toBe('active')
    expect(new Date(after.current_period_start).toISOString()).toBe(oldEnd)
    expect(new Date(after.current_period_end).getTime()).toBeGreaterThan(Date.now() + 27 * 86_400_000)
    const invoices = await store.q<{ id: string; status: string }>(
      sql`SELECT id, status FROM invoices WHERE subscription_id = ${sub.id} ORDER BY created_at`,
    )
    expect(invoices.map((i) => i.status)).toEqual(['paid', 'open'])
    const grants = await store.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM credit_lots WHERE subscription = ${sub.id} AND source = 'subscription_grant'`,
    )
    expect(grants[0].n).toBe(2)
    const [ledger] = await store.q<{ ledger: string; lots: string }>(sql`
      SELECT (SELECT sum(amount) FROM credit_ledger WHERE member_id = ${member.membershipId}) AS ledger,
             (SELECT sum(remaining_credits) FROM credit_lots WHERE member_id = ${member.membershipId}) AS lots`)
    expect(Number(ledger.ledger)).toBe(6)
    expect(Number(ledger.lots)).toBe(6)

    // Unpaid past its due date → past_due (still entitled while retrying).
    await store.q(sql`UPDATE invoices SET due_at = now() - interval '1 hour' WHERE id = ${invoices[1].id}`)
    expect((await store.renew()).pastDue).toBeGreaterThanOrEqual(1)
    const [late] = await store.q<{ status: string; dunning_stage: string }>(
      sql`SELECT status, dunning_stage FROM subscriptions WHERE id = ${sub.id}`,
    )
    expect(late).toEqual({ status: 'past_due', dunning_stage: 'retrying' })
    const pay = await store.desk.client.post(`/api/invoices/${invoices[1].id}/pay`, { provider: 'terminal' })
    expect(pay.status).toBe(200)
    expect(
      (await store.desk.client.post(`/api/invoices/${invoices[1].id}/pay`, { provider: 'terminal' })).body.error,
    ).toBe('not_open')
    const [paid] = await store.q<{ status: string; dunning_stage: string }>(
      sql`SELECT status, dunning_stage FROM subscriptions WHERE id = ${sub.id}`,
    )
    expect(paid).toEqual({ status: 'active', dunning_stage: 'none' })
    const [payments] = await store.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payments WHERE ref_id = ${sub.id}`,
    )
    expect(payments.n).toBe(2)
  })

  it('a trial starts trialing without payment and the job opens the first invoice when it ends', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'])
    const plan = await store.plan({ trialDays: 7 }, { classes: 'unlimited' })
    const res = await store.subscribe(member.membershipId, plan.id)
    expect(res.body.subscription.status).toBe('trialing')
    expect(res.body.invoice).toBeNull()
    expect(
      (
        await store.q<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM payments WHERE member_id = ${member.membershipId}`,
        )
      )[0].n,
    ).toBe(0)
    await store.q(
      sql`UPDATE subscriptions SET current_period_end = now() - interval '1 minute', trial_end = now() - interval '1 minute' WHERE id = ${res.body.subscription.id}`,
    )
    await store.renew()
    const [after] = await store.q<{ status: string }>(
      sql`SELECT status FROM subscriptions WHERE id = ${res.body.subscription.id}`,
    )
    expect(after.status).toBe('active')
    expect(
      (
        await store.q<{ status: string }>(
          sql`SELECT status FROM invoices WHERE subscription_id = ${res.body.subscription.id}`,
        )
      ).map((r) => r.status),
    ).toEqual(['open'])
  })
})
