import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { unusedCredit } from './operations/changeSubscriptionPlan'
import { useFakeStripe } from '@/core/testing/useFakeStripe'
import { billingStore } from './testing/billingStore'

const app = useTestApp()
const fake = useFakeStripe('whsec_plan_changes')

const DAY = 86_400_000

describe('pause until a date, plan changes with proration', () => {
  it('a pause with `until` is resumed by the daily job once (two concurrent runs), pushing the period end by the time paused', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'], false)
    const plan = await store.plan({})
    const sub = (await store.subscribe(member.membershipId, plan.id)).body.subscription
    const past = await store.desk.client.post(`/api/subscriptions/${sub.id}/pause`, {
      until: new Date(Date.now() - DAY).toISOString(),
    })
    expect(past.status).toBe(400)
    expect(past.body.message).toContain('until must be in the future.')
    const until = new Date(Date.now() + 3 * DAY).toISOString()
    const paused = await store.desk.client.post(`/api/subscriptions/${sub.id}/pause`, { until })
    expect(paused.status).toBe(200)
    expect(paused.body.subscription).toMatchObject({ status: 'paused', pauseUntil: until })
    expect((await store.renew()).resumed).toBe(0)
    // Three days later: paused two days ago… until one minute ago.
    await store.q(
      sql`UPDATE subscriptions SET paused_at = now() - interval '2 days', pause_until = now() - interval '1 minute' WHERE id = ${sub.id}`,
    )
    const [a, b] = await Promise.all([store.renew(), store.renew()])
    expect(a.resumed + b.resumed).toBe(1)
    const [row] = await store.q<{
      status: string
      pause_until: Date | null
      paused_at: Date | null
      current_period_end: Date
    }>(sql`SELECT status, pause_until, paused_at, current_period_end FROM subscriptions WHERE id = ${sub.id}`)
    expect(row).toMatchObject({ status: 'active', pause_until: null, paused_at: null })
    const pushed = new Date(row.current_period_end).getTime() - new Date(sub.currentPeriodEnd).getTime()
    expect(Math.abs(pushed - 2 * DAY)).toBeLessThan(60_000)
    const [events] = await store.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_logs WHERE resource_id = ${sub.id} AND action = 'subscription.resumed'`,
    )
    expect(events.n).toBe(1)
  })

  it('a manual upgrade credits the unused part of the paid period (⌊amount × unused / period⌋), charges the rest at the desk and grants the new plan; a downgrade costs nothing more', async () => {
    expect(unusedCredit(3000, new Date(0), new Date(30 * DAY), new Date(10 * DAY))).toBe(2000)
    expect(unusedCredit(1000, new Date(0), new Date(3 * DAY), new Date(DAY))).toBe(666)
    expect(unusedCredit(1000, new Date(0), new Date(DAY), new Date(2 * DAY))).toBe(0)

    const store = await billingStore(app)
    const member = await store.person(['member'])
    const basic = await store.plan({
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 3000, currency: 'USD', active: true }],
    })
    const premium = await store.plan({
      creditGrantPerPeriod: 4,
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 9000, currency: 'USD', active: true }],
    })
    const sub = (await store.subscribe(member.membershipId, basic.id)).body.subscription
    // 10 of 30 days used.
    await store.q(
      sql`UPDATE subscriptions SET current_period_start = now() - interval '10 days', current_period_end = now() + interval '20 days' WHERE id = ${sub.id}`,
    )

    expect(
      (await member.client.post(`/api/subscriptions/${sub.id}/change-plan`, { plan: premium.id, priceKey: 'monthly' }))
        .status,
    ).toBe(403)
    expect(
      (
        await store.desk.client.post(`/api/subscriptions/${sub.id}/change-plan`, {
          plan: basic.id,
          priceKey: 'monthly',
        })
      ).body.error,
    ).toBe('same_price')
    const up = await store.desk.client.post(`/api/subscriptions/${sub.id}/change-plan`, {
      plan: premium.id,
      priceKey: 'monthly',
      payment: { provider: 'terminal' },
    })
    expect(up.status).toBe(200)
    expect([1999, 2000]).toContain(up.body.proration.credit)
    expect(up.body.proration).toMatchObject({ newAmount: 9000, due: 9000 - up.body.proration.credit, currency: 'USD' })
    expect(up.body.granted).toEqual({ credits: 4, guestPasses: 0 })
    const [row] = await store.q<{
      plan_id: string
      start: Date
      end: Date
      pay: string
      pay_provider: string
      inv_amount: string
      inv_status: string
    }>(sql`
      SELECT s.plan_id, s.current_period_start AS start, s.current_period_end AS end, p.amount_amount AS pay, p.provider AS pay_provider, i.amount_amount AS inv_amount, i.status AS inv_status
      FROM subscriptions s JOIN invoices i ON i.id = ${up.body.invoice.id} JOIN payments p ON p.id = ${up.body.payment} WHERE s.id = ${sub.id}`)
    expect(row).toMatchObject({
      plan_id: premium.id,
      pay: String(up.body.proration.due),
      pay_provider: 'terminal',
      inv_amount: String(up.body.proration.due),
      inv_status: 'paid',
    })
    expect(Date.now() - new Date(row.start).getTime()).toBeLessThan(60_000)
    expect((new Date(row.end).getTime() - new Date(row.start).getTime()) / DAY).toBeGreaterThan(27.9)

    // Straight back down: almost the whole premium period is unused, more than basic costs → nothing due, no payment.
    const down = await store.desk.client.post(`/api/subscriptions/${sub.id}/change-plan`, {
      plan: basic.id,
      priceKey: 'monthly',
    })
    expect(down.status).toBe(200)
    expect(down.body.proration.credit).toBeGreaterThan(8900)
    expect(down.body).toMatchObject({ payment: null, proration: { due: 0, newAmount: 3000 } })
    const [pays] = await store.q<{ n: number; sum: string }>(
      sql`SELECT count(*)::int AS n, sum(amount_amount)::text AS sum FROM payments WHERE member_id = ${member.membershipId}`,
    )
    expect(pays).toEqual({ n: 2, sum: String(3000 + up.body.proration.due) })
    // The credit beyond the new price goes back to the member: refunded from the newest payment (the terminal one), owed at the desk.
    const excess = down.body.proration.credit - 3000
    expect(down.body.proration).toMatchObject({ refunded: excess, unrefunded: 0 })
    expect(down.body.refunds).toEqual([{ payment: up.body.payment, provider: 'terminal', amount: excess }])
    const [refunded] = await store.q<{ amount_refunded: string; status: string; reason: string }>(
      sql`SELECT p.amount_refunded, p.status, r.reason FROM payments p JOIN payments_refunds r ON r._parent_id = p.id WHERE p.id = ${up.body.payment}`,
    )
    expect(refunded).toMatchObject({ amount_refunded: String(excess), status: 'partially_refunded' })
    expect(refunded.reason).toContain('exceeds the new price')
    const [refundAudit] = await store.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_logs WHERE resource_id = ${up.body.payment} AND action = 'payment.refunded'`,
    )
    expect(refundAudit.n).toBe(1)

    // An open invoice blocks a change until it is paid.
    await store.q(sql`UPDATE invoices SET status = 'open' WHERE id = ${down.body.invoice.id}`)
    expect(
      (
        await store.desk.client.post(`/api/subscriptions/${sub.id}/change-plan`, {
          plan: premium.id,
          priceKey: 'monthly',
        })
      ).body.error,
    ).toBe('invoice_open')
  })

  it('a Stripe subscription changes price through subscriptions.update with proration_behavior, on the tenant account, with an idempotency key', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'], false)
    const account = `acct_plans${Math.random().toString(36).slice(2, 10)}`
    await app.payload.create({
      collection: 'integration-connections',
      data: { tenant: store.tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
    })
    const basic = await store.plan({})
    const premium = await store.plan({
      prices: [{ key: 'yearly', interval: 'year', intervalCount: 1, amount: 99000, currency: 'USD', active: true }],
    })
    const stripeSub = fake.subscription(account, {
      customer: 'cus_plan',
      status: 'active',
      metadata: { plan: basic.id },
    })
    const [row] = await store.q<{ id: string }>(sql`
      INSERT INTO subscriptions (tenant_id, member_id, plan_id, price_key, status, provider, stripe_subscription_id, current_period_start, current_period_end, cancel_at_period_end, dunning_stage)
      VALUES (${store.tenant}, ${member.membershipId}, ${basic.id}, 'monthly', 'active', 'stripe', ${stripeSub.id}, now(), now() + interval '30 days', false, 'none') RETURNING id`)
    fake.clearRequests()
    const res = await store.desk.client.post(`/api/subscriptions/${row.id}/change-plan`, {
      plan: premium.id,
      priceKey: 'yearly',
      prorationBehavior: 'always_invoice',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      subscription: { plan: premium.id, priceKey: 'yearly', provider: 'stripe' },
      proration: { behavior: 'always_invoice', by: 'stripe' },
    })
    const update = fake.requests.filter((r) => r.method === 'POST' && r.path === `/v1/subscriptions/${stripeSub.id}`)
    expect(update).toHaveLength(1)
    expect(update[0]).toMatchObject({
      account,
      params: { proration_behavior: 'always_invoice', metadata: { plan: premium.id, priceKey: 'yearly' } },
    })
    expect(update[0].params.items).toMatchObject([
      {
        price_data: {
          unit_amount: '99000',
          currency: 'usd',
          product: `prod_for_${stripeSub.id}`,
          recurring: { interval: 'year', interval_count: '1' },
        },
      },
    ])
    expect(update[0].idempotencyKey).toBe(`atrium:plan-change:${row.id}:${premium.id}:yearly:always_invoice`)
    expect(
      (fake.get(account, stripeSub.id) as unknown as { items: { data: { price: { unit_amount: number } }[] } }).items
        .data[0].price.unit_amount,
    ).toBe(99000)
  })

  it('a plan-change credit beyond the new price paid by a Stripe payment is refunded on Stripe (after commit, once); a later excess comes from the newer desk payment', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'], false)
    const account = `acct_excess${Math.random().toString(36).slice(2, 10)}`
    await app.payload.create({
      collection: 'integration-connections',
      data: { tenant: store.tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
    })
    const premium = await store.plan({
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 9000, currency: 'USD', active: true }],
    })
    const basic = await store.plan({
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 3000, currency: 'USD', active: true }],
    })
    const sub = (await store.subscribe(member.membershipId, premium.id)).body.subscription
    // The period was paid online (a Stripe PaymentIntent), 10 of 30 days used: credit 6000, excess 3000.
    await store.q(
      sql`UPDATE payments SET provider = 'stripe', provider_ref = ${'pi_excess_' + sub.id.slice(0, 8)} WHERE ref_id = ${sub.id}`,
    )
    await store.q(
      sql`UPDATE subscriptions SET current_period_start = now() - interval '10 days', current_period_end = now() + interval '20 days' WHERE id = ${sub.id}`,
    )
    fake.clearRequests()
    const down = await store.desk.client.post(`/api/subscriptions/${sub.id}/change-plan`, {
      plan: basic.id,
      priceKey: 'monthly',
    })
    expect(down.status).toBe(200)
    const excess = down.body.proration.credit - 3000
    expect([2999, 3000]).toContain(excess)
    expect(down.body.proration).toMatchObject({ due: 0, refunded: excess, unrefunded: 0 })
    expect(fake.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(0) // not before commit
    for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 200 })
    const refunds = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')
    expect(refunds.map((r) => [r.account, r.params.payment_intent, r.params.amount])).toEqual([
      [account, 'pi_excess_' + sub.id.slice(0, 8), String(excess)],
    ])
    const [row] = await store.q<{ amount_refunded: string; stripe_refund: string | null }>(
      sql`SELECT p.amount_refunded, r.provider_refund_id AS stripe_refund FROM payments p JOIN payments_refunds r ON r._parent_id = p.id WHERE p.ref_id = ${sub.id}`,
    )
    expect(row.amount_refunded).toBe(String(excess))
    expect(row.stripe_refund).toMatch(/^re_/)

    // Back up (premium charged in cash) and down again one day later: this excess comes from the newer cash payment, owed at the desk; Stripe is not asked again.
    const up = await store.desk.client.post(`/api/subscriptions/${sub.id}/change-plan`, {
      plan: premium.id,
      priceKey: 'monthly',
    })
    expect(up.status).toBe(200)
    await store.q(
      sql`UPDATE subscriptions SET current_period_start = now() - interval '1 day', current_period_end = now() + interval '29 days' WHERE id = ${sub.id}`,
    )
    fake.clearRequests()
    const again = await store.desk.client.post(`/api/subscriptions/${sub.id}/change-plan`, {
      plan: basic.id,
      priceKey: 'monthly',
    })
    expect(again.status).toBe(200)
    const second = again.body.proration.credit - 3000
    expect(again.body.proration).toMatchObject({ refunded: second, unrefunded: 0 })
    expect(again.body.refunds).toEqual([{ payment: up.body.payment, provider: 'cash', amount: second }])
    for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 200 })
    expect(fake.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(0)
    const [totals] = await store.q<{ refunded: number }>(
      sql`SELECT sum(amount_refunded)::int AS refunded FROM payments WHERE ref_id = ${sub.id}`,
    )
    expect(totals.refunded).toBe(excess + second)
  })

  it('an excess no payment can carry (the period’s payment was already refunded) is answered and audited as unrefunded, not lost', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'], false)
    const premium = await store.plan({
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 9000, currency: 'USD', active: true }],
    })
    const basic = await store.plan({
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 3000, currency: 'USD', active: true }],
    })
    const started = (await store.subscribe(member.membershipId, premium.id)).body
    expect(
      (await store.desk.client.post(`/api/payments/${started.payment}/refund`, { amount: 8000, reason: 'Goodwill' }))
        .status,
    ).toBe(200)
    await store.q(
      sql`UPDATE subscriptions SET current_period_start = now() - interval '10 days', current_period_end = now() + interval '20 days' WHERE id = ${started.subscription.id}`,
    )
    const down = await store.desk.client.post(`/api/subscriptions/${started.subscription.id}/change-plan`, {
      plan: basic.id,
      priceKey: 'monthly',
    })
    expect(down.status).toBe(200)
    const excess = down.body.proration.credit - 3000
    expect(down.body.proration).toMatchObject({ refunded: 1000, unrefunded: excess - 1000 })
    expect(down.body.refunds).toEqual([{ payment: started.payment, provider: 'cash', amount: 1000 }])
    expect(await store.q(sql`SELECT amount_refunded, status FROM payments WHERE id = ${started.payment}`)).toEqual([
      { amount_refunded: '9000', status: 'refunded' },
    ])
    const [audit] = await store.q<{ amount: string; details: string }>(
      sql`SELECT amount_amount AS amount, details FROM audit_logs WHERE resource_id = ${started.subscription.id} AND action = 'subscription.credit_unrefunded'`,
    )
    expect(audit.amount).toBe(String(excess - 1000))
    expect(audit.details).toContain('could not be refunded')
  })

  it('manual dunning mails the member at each new stage through the jobs queue (desk wording), once per stage', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'], false)
    const [{ email }] = await store.q<{ email: string }>(
      sql`SELECT u.email FROM users u JOIN tenant_memberships m ON m.user_id = u.id WHERE m.id = ${member.membershipId}`,
    )
    const plan = await store.plan({})
    const sub = (await store.subscribe(member.membershipId, plan.id)).body.subscription
    await store.q(
      sql`UPDATE subscriptions SET current_period_start = now() - interval '31 days', current_period_end = now() - interval '1 minute' WHERE id = ${sub.id}`,
    )
    expect((await store.renew()).renewed).toBe(1)
    const mails = async () => {
      await app.payload.jobs.run({ limit: 100 })
      const dir = path.join(process.env.DATA_DIR!, 'mail')
      const all = await Promise.all(
        (await readdir(dir)).map(
          async (f) =>
            JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { to: string; subject: string; text?: string },
        ),
      )
      return all
        .filter((m) => m.to === email)
        .map((m) => m.subject.split(': ').slice(1).join(': '))
        .sort()
    }
    await store.q(
      sql`UPDATE invoices SET due_at = now() - interval '1 hour' WHERE subscription_id = ${sub.id} AND status = 'open'`,
    )
    await store.renew()
    await store.renew()
    expect(await mails()).toEqual(['Your membership invoice is overdue'])
    await store.q(
      sql`UPDATE invoices SET due_at = now() - interval '8 days' WHERE subscription_id = ${sub.id} AND status = 'open'`,
    )
    await store.renew()
    expect(await mails()).toEqual(['Your membership invoice is overdue', 'Your membership is suspended'])
  })
})
