import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import fc from 'fast-check'
import { createLocalReq, type PayloadRequest } from 'payload'
import Stripe from 'stripe'
import { beforeAll, describe, expect, it } from 'vitest'
import { getEnv, inTransaction, runSql } from '@/core'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { applyStripeEvent } from './operations/applyStripeEvent'
import { useFakeStripe } from '@/core/testing/useFakeStripe'

const SECRET_KEY = 'sk_test_atrium_fake'
const WEBHOOK_SECRET = 'whsec_atrium_test_secret'
const signer = new Stripe('sk_test_signing_only').webhooks

const app = useTestApp()
const fake = useFakeStripe(WEBHOOK_SECRET)
const { setStripeEnv } = fake
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

let counter = 0
/** A tenant connected to its own Stripe account, with a monthly plan and a product. */
const studio = async ({ connected = true, creditGrantPerPeriod = 0 } = {}) => {
  const tenant = String((await createTenant(app.payload)).id)
  const account = `acct_${(++counter).toString().padStart(4, '0')}${Math.random().toString(36).slice(2, 10)}`
  if (connected) {
    await app.payload.create({
      collection: 'integration-connections',
      data: { tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
    })
  }
  const plan = (await app.payload.create({
    collection: 'membership-plans',
    data: {
      tenant,
      name: 'Unlimited',
      trialDays: 0,
      creditGrantPerPeriod,
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 4900, currency: 'USD', active: true }],
    },
  })) as unknown as { id: string }
  const product = (await app.payload.create({
    collection: 'products' as never,
    data: {
      tenant,
      name: 'Water bottle',
      slug: `bottle-${counter}`,
      kind: 'retail',
      price: { amount: 1500, currency: 'USD' },
    } as never,
  })) as unknown as { id: string }
  return { tenant, account, plan: String(plan.id), product: String(product.id) }
}

const memberOf = async (tenant: string): Promise<{ id: string; email: string; client: HttpClient }> => {
  const { user, membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
  return { id: String(membership!.id), email: user.email, client: (await signIn(app, user.email)).client }
}

/** Posts an event to the webhook as Stripe would: signed over the exact body. */
const deliver = async (
  event: Stripe.Event,
  { secret = WEBHOOK_SECRET, timestamp, body }: { secret?: string; timestamp?: number; body?: string } = {},
) => {
  const payload = JSON.stringify(event)
  const signature = signer.generateTestHeaderString({ payload, secret, timestamp })
  const res = await fetch(`${app.baseUrl}/api/billing/stripe/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: body ?? payload,
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const runJobs = async () => {
  for (let i = 0; i < 5; i++) {
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE AND task_slug IN ('processStripeEvent', 'sendDunningNotice')`,
    )
    if (n === 0) return
    await app.payload.jobs.run({ limit: 200 })
  }
}

const inbound = (eventId: string) =>
  q<{ id: string; status: string; tenant_id: string | null }>(
    sql`SELECT id, status, tenant_id FROM inbound_webhooks WHERE source = 'stripe' AND event_id = ${eventId}`,
  )
const jobsFor = async (webhook: string) =>
  (
    await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'processStripeEvent' AND input->>'webhook' = ${webhook}`,
    )
  )[0].n

type SubRow = {
  status: string
  dunning_stage: string
  current_period_start: string | null
  current_period_end: string | null
  cancel_at_period_end: boolean
  canceled_at: string | null
  trial_end: string | null
  stripe_customer_id: string | null
  provider: string
}
const subscriptionRow = async (stripeId: string) =>
  (
    await q<SubRow & { id: string; tenant_id: string; member_id: string }>(
      sql`SELECT id, tenant_id, member_id, status, dunning_stage, current_period_start, current_period_end, cancel_at_period_end, canceled_at, trial_end, stripe_customer_id, provider
          FROM subscriptions WHERE stripe_subscription_id = ${stripeId}`,
    )
  )[0]

describe('Stripe checkout and portal', () => {
  it('creates a Checkout Session on the tenant’s connected account with its idempotency key, metadata and site URLs', async () => {
    const s = await studio()
    const member = await memberOf(s.tenant)
    fake.clearRequests()
    const res = await member.client.post('/api/billing/checkout', { kind: 'plan', plan: s.plan, priceKey: 'monthly' })
    expect(res.status).toBe(201)
    expect(res.body.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/)

    const [customerCall, sessionCall] = fake.requests
    expect(fake.requests).toHaveLength(2)
    expect(customerCall).toMatchObject({
      method: 'POST',
      path: '/v1/customers',
      account: s.account,
      idempotencyKey: `atrium:customer:${member.id}`,
    })
    expect(customerCall.authorization).toBe(`Bearer ${SECRET_KEY}`)
    expect(customerCall.params).toMatchObject({
      email: member.email,
      metadata: { tenant: s.tenant, member: member.id },
    })
    expect(sessionCall).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', account: s.account })
    expect(sessionCall.idempotencyKey).toMatch(new RegExp(`^atrium:checkout:${member.id}:plan:${s.plan}:monthly:\\d+$`))
    const metadata = { tenant: s.tenant, kind: 'plan', plan: s.plan, priceKey: 'monthly', member: member.id }
    expect(sessionCall.params).toMatchObject({
      mode: 'subscription',
      customer: await subscriptionCustomer(member.id),
      metadata,
      subscription_data: { metadata },
      line_items: [
        {
          quantity: '1',
          price_data: { currency: 'usd', unit_amount: '4900', recurring: { interval: 'month', interval_count: '1' } },
        },
      ],
    })
    const [{ slug }] = await q<{ slug: string }>(sql`SELECT slug FROM tenants WHERE id = ${s.tenant}`)
    expect(sessionCall.params.success_url).toBe(
      `${getEnv().SERVER_URL}/${slug}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
    )
    expect(sessionCall.params.cancel_url).toBe(`${getEnv().SERVER_URL}/${slug}?checkout=canceled`)

    // A second click reuses the stored customer and replays the same session (same idempotency key).
    fake.clearRequests()
    const again = await member.client.post('/api/billing/checkout', { kind: 'plan', plan: s.plan, priceKey: 'monthly' })
    expect(again.body.id).toBe(res.body.id)
    expect(fake.requests.map((r) => [r.path, r.replayed])).toEqual([['/v1/checkout/sessions', true]])

    // Products are bought through commerce's POST /api/orders/buy (the order holds stock): kind product → 400 pointing there, no Stripe call.
    fake.clearRequests()
    const product = await member.client.post('/api/billing/checkout', {
      kind: 'product',
      product: s.product,
      quantity: 2,
    })
    expect(product.status).toBe(400)
    expect(product.body.error).toBe('use_orders_buy')
    expect(product.body.message).toContain('POST /api/orders/buy')
    expect(fake.requests).toEqual([])

    const portal = await member.client.post('/api/billing/portal', { tenant: s.tenant })
    expect(portal.status).toBe(201)
    expect(portal.body.url).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\/bps_/)
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/v1/billing_portal/sessions',
      account: s.account,
      params: { customer: await subscriptionCustomer(member.id) },
    })

    // Stripe down (beyond the SDK's two retries): a clear 502, not a 500.
    fake.failNext('POST /v1/checkout/sessions', 3)
    const down = await member.client.post('/api/billing/checkout', { kind: 'plan', plan: s.plan, priceKey: 'monthly' })
    expect(down.status).toBe(502)
    expect(down.body.error).toBe('stripe_error')
  })

  it('refuses strangers, bad input and unconnected tenants, and answers stripe_not_configured without a key', async () => {
    const s = await studio()
    const member = await memberOf(s.tenant)
    const other = await studio()
    const outsider = await memberOf(other.tenant)
    fake.clearRequests()

    expect(
      (await app.http().post('/api/billing/checkout', { kind: 'plan', plan: s.plan, priceKey: 'monthly' })).status,
    ).toBe(401)
    const stranger = await outsider.client.post('/api/billing/checkout', {
      kind: 'plan',
      plan: s.plan,
      priceKey: 'monthly',
    })
    expect(stranger.body).toMatchObject({ error: 'not_a_member' })
    expect(stranger.status).toBe(403)
    const bad = await member.client.post('/api/billing/checkout', { kind: 'plan', plan: s.plan })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('priceKey')
    expect((await member.client.post('/api/billing/checkout', { kind: 'gift' })).body.error).toBe('invalid_input')
    expect(
      (await member.client.post('/api/billing/checkout', { kind: 'plan', plan: s.plan, priceKey: 'yearly' })).body
        .error,
    ).toBe('price_not_found')
    expect((await member.client.post('/api/billing/portal', { tenant: s.tenant })).body.error).toBe(
      'no_stripe_customer',
    )

    const unconnected = await studio({ connected: false })
    const local = await memberOf(unconnected.tenant)
    const desk = await local.client.post('/api/billing/checkout', {
      kind: 'plan',
      plan: unconnected.plan,
      priceKey: 'monthly',
    })
    expect(desk.status).toBe(409)
    expect(desk.body).toMatchObject({ error: 'stripe_not_configured' })
    expect(desk.body.message).toContain('front desk')

    setStripeEnv(false)
    try {
      const off = await member.client.post('/api/billing/checkout', { kind: 'plan', plan: s.plan, priceKey: 'monthly' })
      expect(off.status).toBe(409)
      expect(off.body).toMatchObject({ error: 'stripe_not_configured' })
      expect(
        (
          await deliver(
            fake.event(
              'customer.subscription.updated',
              { id: 'sub_x', object: 'subscription' },
              { account: s.account },
            ),
          )
        ).status,
      ).toBe(409)
    } finally {
      setStripeEnv(true)
    }
    expect(fake.requests).toEqual([])
    expect(
      (
        await q<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM tenant_memberships WHERE id IN (${member.id}, ${outsider.id}, ${local.id}) AND stripe_customer_id IS NOT NULL`,
        )
      )[0].n,
    ).toBe(0)
  })
})

const subscriptionCustomer = async (member: string) =>
  (await q<{ c: string | null }>(sql`SELECT stripe_customer_id AS c FROM tenant_memberships WHERE id = ${member}`))[0]
    ?.c

/** A member who paid a plan's Checkout: the fake holds the completed session and its new subscription. */
const paidCheckout = async (s: Awaited<ReturnType<typeof studio>>) => {
  const member = await memberOf(s.tenant)
  const res = await member.client.post('/api/billing/checkout', { kind: 'plan', plan: s.plan, priceKey: 'monthly' })
  expect(res.status).toBe(201)
  const session = fake.completeCheckout(s.account, res.body.id)
  return { member, session, subscription: String(session.subscription) }
}

describe('Stripe webhook', () => {
  it('records each event once and applies it once when delivered 5 times concurrently', async () => {
    const s = await studio({ creditGrantPerPeriod: 4 })
    const { member, session, subscription } = await paidCheckout(s)
    const event = fake.event('checkout.session.completed', session as never, { account: s.account })

    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(event)))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200])
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1)
    const rows = await inbound(event.id)
    expect(rows).toHaveLength(1)
    expect(rows[0].tenant_id).toBe(s.tenant)
    expect(await jobsFor(rows[0].id)).toBe(1)

    await runJobs()
    expect((await inbound(event.id))[0].status).toBe('processed')
    const row = await subscriptionRow(subscription)
    expect(row).toMatchObject({
      tenant_id: s.tenant,
      member_id: member.id,
      status: 'active',
      provider: 'stripe',
      dunning_stage: 'none',
      stripe_customer_id: session.customer,
    })
    expect(row.current_period_end).toBeTruthy()
    const grants = async () =>
      q(sql`SELECT initial_credits::int AS credits, source FROM credit_lots WHERE member_id = ${member.id}`)
    expect(await grants()).toEqual([{ credits: 4, source: 'subscription_grant' }])

    // Replays after processing change nothing and queue nothing.
    const late = await Promise.all(Array.from({ length: 5 }, () => deliver(event)))
    expect(late.every((a) => a.status === 200 && a.body.duplicate === true)).toBe(true)
    await runJobs()
    expect(await jobsFor(rows[0].id)).toBe(0) // the one job ran (completed jobs are deleted) and no replay queued another
    expect(
      await q(sql`SELECT status, attempts::int AS attempts FROM inbound_webhooks WHERE id = ${rows[0].id}`),
    ).toEqual([{ status: 'processed', attempts: 1 }])
    expect(
      (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM subscriptions WHERE member_id = ${member.id}`))[0].n,
    ).toBe(1)
    // Another event of the same period grants nothing more.
    const update = fake.event('customer.subscription.updated', fake.get(s.account, subscription) as never, {
      account: s.account,
    })
    await Promise.all(Array.from({ length: 5 }, () => deliver(update)))
    await runJobs()
    expect(await grants()).toEqual([{ credits: 4, source: 'subscription_grant' }])

    // A one-off purchase (commerce's POST /api/orders/buy): five deliveries, one payment, for that order.
    const buy = await member.client.post('/api/orders/buy', { lines: [{ product: s.product, quantity: 2 }] })
    expect(buy.status).toBe(201)
    const paid = fake.completeCheckout(s.account, buy.body.checkout.id)
    const purchase = fake.event('checkout.session.completed', paid as never, { account: s.account })
    await Promise.all(Array.from({ length: 5 }, () => deliver(purchase)))
    await runJobs()
    const payments = await q<{ amount_amount: string; status: string; ref_id: string; provider_ref: string }>(
      sql`SELECT amount_amount, status, ref_id, provider_ref FROM payments WHERE tenant_id = ${s.tenant} AND provider = 'stripe'`,
    )
    expect(payments).toEqual([
      { amount_amount: '3000', status: 'succeeded', ref_id: buy.body.order.id, provider_ref: paid.payment_intent },
    ])
  })

  it('retries processing in the jobs queue while Stripe is unreachable, then applies the event once', async () => {
    const s = await studio()
    const { session, subscription } = await paidCheckout(s)
    const event = fake.event('checkout.session.completed', session as never, { account: s.account })
    expect((await deliver(event)).status).toBe(200)
    fake.failNext('GET /v1/subscriptions/', 3) // the SDK's own two retries fail too: the job attempt fails
    await app.payload.jobs.run({ limit: 100 })
    const state = async () =>
      (
        await q<{ status: string; attempts: number; error: string | null }>(
          sql`SELECT status, attempts::int AS attempts, error FROM inbound_webhooks WHERE event_id = ${event.id}`,
        )
      )[0]
    expect(await state()).toMatchObject({ status: 'failed', attempts: 1 })
    expect((await state()).error).toBeTruthy()
    expect(await subscriptionRow(subscription)).toBeUndefined()

    for (let i = 0; i < 15 && (await state()).status !== 'processed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000)) // the queue's backoff before the retry
      await app.payload.jobs.run({ limit: 100 })
    }
    expect(await state()).toEqual({ status: 'processed', attempts: 2, error: null })
    expect(await subscriptionRow(subscription)).toMatchObject({ status: 'active', provider: 'stripe' })
  }, 60_000)

  it('answers 400 and writes nothing for a bad, missing or stale signature or a tampered body', async () => {
    const s = await studio()
    const { session } = await paidCheckout(s)
    const event = fake.event('checkout.session.completed', session as never, { account: s.account })
    const [{ n: before }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'processStripeEvent'`,
    )

    const wrongSecret = await deliver(event, { secret: 'whsec_someone_else' })
    const stale = await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })
    const tampered = await deliver(event, { body: JSON.stringify({ ...event, type: 'invoice.paid' }) })
    const unsigned = await fetch(`${app.baseUrl}/api/billing/stripe/webhook`, {
      method: 'POST',
      body: JSON.stringify(event),
    })
    for (const answer of [wrongSecret, stale, tampered]) {
      expect(answer.status).toBe(400)
      expect(answer.body.error).toBe('invalid_signature')
    }
    expect(unsigned.status).toBe(400)
    expect(await inbound(event.id)).toEqual([])
    expect(
      (
        await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'processStripeEvent'`)
      )[0].n,
    ).toBe(before)
    expect(await subscriptionRow(String(session.subscription))).toBeUndefined()
  })

  it('runs dunning retrying → final_notice → suspended, mails each stage through the jobs queue, and resets on payment', async () => {
    const s = await studio()
    const { member, session, subscription } = await paidCheckout(s)
    await deliver(fake.event('checkout.session.completed', session as never, { account: s.account }))
    await runJobs()
    const period = Math.floor(Date.now() / 1000)
    const invoiceId = fake.invoice(s.account, {
      subscription,
      customer: String(session.customer),
      status: 'open',
      amount: 4900,
      attemptCount: 1,
      nextPaymentAttempt: period + 3 * 86400,
    }).id
    fake.subscription(s.account, { id: subscription, status: 'past_due', latestInvoice: invoiceId })

    const step = async (type: string) => {
      const res = await deliver(fake.event(type, fake.get(s.account, invoiceId) as never, { account: s.account }))
      expect(res.status).toBe(200)
      await runJobs()
      return subscriptionRow(subscription)
    }
    expect(await step('invoice.payment_failed')).toMatchObject({ status: 'past_due', dunning_stage: 'retrying' })
    fake.invoice(s.account, { id: invoiceId, attemptCount: 2, nextPaymentAttempt: period + 7 * 86400 })
    expect(await step('invoice.payment_failed')).toMatchObject({ status: 'past_due', dunning_stage: 'final_notice' })
    fake.invoice(s.account, { id: invoiceId, attemptCount: 3, nextPaymentAttempt: null })
    expect(await step('invoice.payment_failed')).toMatchObject({ status: 'past_due', dunning_stage: 'suspended' })
    const [open] = await q<{ status: string; member_id: string; amount_amount: string }>(
      sql`SELECT status, member_id, amount_amount FROM invoices WHERE stripe_invoice_id = ${invoiceId}`,
    )
    expect(open).toEqual({ status: 'open', member_id: member.id, amount_amount: '4900' })

    const mailDir = path.join(process.env.DATA_DIR!, 'mail')
    const mails = await Promise.all(
      (await readdir(mailDir)).map(
        async (f) => JSON.parse(await readFile(path.join(mailDir, f), 'utf8')) as { to: string; subject: string },
      ),
    )
    const mine = mails.filter((m) => m.to === member.email).map((m) => m.subject.split(': ').slice(1).join(': '))
    expect(mine.sort()).toEqual([
      'Final notice: please update your payment details',
      'Your membership is suspended',
      'Your payment did not go through',
    ])
    const pending = await q(
      sql`SELECT id FROM payload_jobs WHERE task_slug = 'sendDunningNotice' AND input->>'tenant' = ${s.tenant}`,
    )
    expect(pending).toEqual([]) // sent by the queue, none left over

    fake.invoice(s.account, { id: invoiceId, status: 'paid' })
    fake.subscription(s.account, { id: subscription, status: 'active' })
    expect(await step('invoice.paid')).toMatchObject({ status: 'active', dunning_stage: 'none' })
    await step('invoice.paid') // a second, distinct delivery of the same news records nothing new
    const payments = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payments WHERE provider = 'stripe' AND provider_ref = ${invoiceId}`,
    )
    expect(payments[0].n).toBe(1)
    expect(
      (
        await q<{ status: string; paid: boolean }>(
          sql`SELECT status, payment_id IS NOT NULL AS paid FROM invoices WHERE stripe_invoice_id = ${invoiceId}`,
        )
      )[0],
    ).toEqual({ status: 'paid', paid: true })

    // Refunding the invoice's payment at the desk refunds the invoice's PaymentIntent on Stripe.
    const { user: clerk } = await createPerson(app.payload, { tenant: s.tenant, roles: ['front_desk'] })
    const [payment] = await q<{ id: string }>(
      sql`SELECT id FROM payments WHERE provider = 'stripe' AND provider_ref = ${invoiceId}`,
    )
    fake.clearRequests()
    expect(
      (
        await (
          await signIn(app, clerk.email)
        ).client.post(`/api/payments/${payment.id}/refund`, { amount: 4900, reason: 'Goodwill' })
      ).status,
    ).toBe(200)
    for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 200 })
    expect(
      fake.requests
        .filter((r) => r.path === '/v1/refunds')
        .map((r) => [r.account, r.params.payment_intent, r.params.amount]),
    ).toEqual([[s.account, `pi_for_${invoiceId}`, '4900']])
  })

  it('sends a refund recorded at the desk on a Stripe payment to Stripe once, after commit', async () => {
    const s = await studio()
    const { member } = await paidCheckout(s)
    const { user: clerk } = await createPerson(app.payload, { tenant: s.tenant, roles: ['front_desk'] })
    const desk = (await signIn(app, clerk.email)).client
    const buy = await member.client.post('/api/orders/buy', { lines: [{ product: s.product, quantity: 1 }] })
    const paid = fake.completeCheckout(s.account, buy.body.checkout.id)
    await deliver(fake.event('checkout.session.completed', paid as never, { account: s.account }))
    await runJobs()
    const [payment] = await q<{ id: string }>(
      sql`SELECT id FROM payments WHERE provider = 'stripe' AND provider_ref = ${paid.payment_intent}`,
    )

    fake.clearRequests()
    const refund = await desk.post(`/api/payments/${payment.id}/refund`, { amount: 500, reason: 'Damaged' })
    expect(refund.status).toBe(200)
    expect(fake.requests).toEqual([]) // nothing leaves inside the request
    for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 200 })
    const calls = fake.requests.filter((r) => r.path === '/v1/refunds')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      account: s.account,
      params: { payment_intent: paid.payment_intent, amount: '500', metadata: { payment: payment.id } },
    })
    expect(calls[0].idempotencyKey).toMatch(new RegExp(`^atrium:refund:${payment.id}:[0-9a-f-]{36}$`))
    const rows = await q<{ amount: string; provider_refund_id: string | null }>(
      sql`SELECT amount, provider_refund_id FROM payments_refunds WHERE _parent_id = ${payment.id}`,
    )
    expect(rows).toEqual([{ amount: '500', provider_refund_id: expect.stringMatching(/^re_/) }])
  })

  it('never lets an event of another account touch this tenant’s rows', async () => {
    const a = await studio()
    const b = await studio()
    const { session, subscription } = await paidCheckout(a)
    await deliver(fake.event('checkout.session.completed', session as never, { account: a.account }))
    await runJobs()
    const before = await subscriptionRow(subscription)

    // B's account reports a subscription with A's id and metadata naming A: B may not claim or change it.
    fake.subscription(b.account, {
      id: subscription,
      status: 'canceled',
      canceledAt: Math.floor(Date.now() / 1000),
      metadata: fake.get(a.account, subscription)!.metadata as Record<string, string>,
    })
    const fromB = fake.event('customer.subscription.deleted', fake.get(b.account, subscription) as never, {
      account: b.account,
      created: Math.floor(Date.now() / 1000) + 60,
    })
    expect((await deliver(fromB)).status).toBe(200)
    // An account nobody connected is recorded but ignored.
    const stray = fake.event('customer.subscription.deleted', fake.get(b.account, subscription) as never, {
      account: 'acct_nobody',
      created: Math.floor(Date.now() / 1000) + 60,
    })
    expect((await deliver(stray)).status).toBe(200)
    await runJobs()

    expect(await subscriptionRow(subscription)).toEqual(before)
    expect((await inbound(fromB.id))[0]).toMatchObject({ tenant_id: b.tenant, status: 'ignored' })
    expect((await inbound(stray.id))[0]).toMatchObject({ tenant_id: null, status: 'ignored' })
    expect(
      (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM subscriptions WHERE tenant_id = ${b.tenant}`))[0].n,
    ).toBe(0)
  })
})

/**
 * A subscription's life as Stripe lives it: each step changes Stripe's state, then Stripe sends
 * the event. Delivery may be in any order, but an event is never sent before its state exists.
 */
const history = (
  account: string,
  ids: { subscription: string; customer: string; session: string; invoices: [string, string] },
  t0: number,
  metadata: Record<string, string>,
) => {
  const day = 86400
  const [first, second] = ids.invoices
  const steps: { type: string; object: () => Record<string, unknown>; state: () => void }[] = [
    {
      type: 'customer.subscription.created',
      state: () => {
        fake.invoice(account, {
          id: first,
          subscription: ids.subscription,
          customer: ids.customer,
          status: 'open',
          amount: 4900,
          attemptCount: 0,
          nextPaymentAttempt: t0 + 3600,
          periodStart: t0,
          periodEnd: t0 + 30 * day,
        })
        fake.subscription(account, {
          id: ids.subscription,
          customer: ids.customer,
          status: 'incomplete',
          periodStart: t0,
          periodEnd: t0 + 30 * day,
          latestInvoice: first,
          metadata,
          cancelAtPeriodEnd: false,
          canceledAt: null,
          trialEnd: null,
        })
      },
      object: () => fake.get(account, ids.subscription)!,
    },
    {
      type: 'invoice.paid',
      state: () => {
        fake.invoice(account, { id: first, status: 'paid', attemptCount: 1, nextPaymentAttempt: null, paidAt: t0 + 60 })
        fake.subscription(account, { id: ids.subscription, status: 'active' })
      },
      object: () => fake.get(account, first)!,
    },
    {
      type: 'checkout.session.completed',
      state: () => undefined,
      object: () => ({
        id: ids.session,
        object: 'checkout.session',
        mode: 'subscription',
        payment_status: 'paid',
        subscription: ids.subscription,
        customer: ids.customer,
        metadata,
      }),
    },
    {
      type: 'invoice.payment_failed',
      state: () => {
        fake.invoice(account, {
          id: second,
          subscription: ids.subscription,
          customer: ids.customer,
          status: 'open',
          amount: 4900,
          attemptCount: 1,
          nextPaymentAttempt: t0 + 33 * day,
          periodStart: t0 + 30 * day,
          periodEnd: t0 + 60 * day,
        })
        fake.subscription(account, {
          id: ids.subscription,
          status: 'past_due',
          periodStart: t0 + 30 * day,
          periodEnd: t0 + 60 * day,
          latestInvoice: second,
        })
      },
      object: () => fake.get(account, second)!,
    },
    {
      type: 'customer.subscription.updated',
      state: () => undefined,
      object: () => fake.get(account, ids.subscription)!,
    },
    {
      type: 'invoice.payment_failed',
      state: () => void fake.invoice(account, { id: second, attemptCount: 2, nextPaymentAttempt: t0 + 37 * day }),
      object: () => fake.get(account, second)!,
    },
    {
      type: 'customer.subscription.updated',
      state: () => void fake.subscription(account, { id: ids.subscription, cancelAtPeriodEnd: true }),
      object: () => fake.get(account, ids.subscription)!,
    },
    {
      type: 'invoice.paid',
      state: () => {
        fake.invoice(account, {
          id: second,
          status: 'paid',
          attemptCount: 3,
          nextPaymentAttempt: null,
          paidAt: t0 + 37 * day,
        })
        fake.subscription(account, { id: ids.subscription, status: 'active' })
      },
      object: () => fake.get(account, second)!,
    },
  ]
  return steps
}

type Snapshot = { subscription: SubRow | undefined; invoices: unknown[]; payments: number }

describe('out-of-order delivery', () => {
  let s: Awaited<Awaited<ReturnType<typeof studio>>>
  let member: Awaited<ReturnType<typeof memberOf>>
  const t0 = Math.floor(Date.now() / 1000) - 40 * 86400

  beforeAll(async () => {
    s = await studio()
    member = await memberOf(s.tenant)
  })

  const snapshot = async (
    req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
    subscription: string,
  ): Promise<Snapshot> => {
    const [row] = await runSql<SubRow>(
      req,
      sql`SELECT status, dunning_stage, current_period_start, current_period_end, cancel_at_period_end, canceled_at, trial_end, stripe_customer_id, provider FROM subscriptions WHERE stripe_subscription_id = ${subscription}`,
    )
    const invoices = await runSql(
      req,
      sql`SELECT stripe_invoice_id, status, amount_amount, period_start, period_end, paid_at, payment_id IS NOT NULL AS has_payment FROM invoices WHERE tenant_id = ${s.tenant} AND stripe_invoice_id IS NOT NULL ORDER BY period_start`,
    )
    const [{ n }] = await runSql<{ n: number }>(
      req,
      sql`SELECT count(*)::int AS n FROM payments WHERE tenant_id = ${s.tenant} AND provider = 'stripe'`,
    )
    return { subscription: row, invoices, payments: n }
  }

  /** Applies the history in `order` (Stripe's state advanced just in time) in one transaction, snapshots the result and rolls it all back. */
  const replay = async (ids: Parameters<typeof history>[1], order: number[]): Promise<Snapshot> => {
    const metadata = { tenant: s.tenant, kind: 'plan', plan: s.plan, priceKey: 'monthly', member: member.id }
    const steps = history(s.account, ids, t0, metadata)
    let reached = -1
    const req = await createLocalReq({}, app.payload)
    const result = { snapshot: undefined as Snapshot | undefined }
    await inTransaction(req, async () => {
      for (const index of order) {
        while (reached < index) steps[++reached].state()
        const event = fake.event(steps[index].type, steps[index].object() as never, {
          account: s.account,
          created: t0 + index * 60,
          id: `evt_${index}`,
        })
        await applyStripeEvent(req, s.tenant, event)
      }
      result.snapshot = await snapshot(req, ids.subscription)
      throw new Rollback()
    }).catch((error) => {
      if (!(error instanceof Rollback)) throw error
    })
    return result.snapshot!
  }
  class Rollback extends Error {}

  // 250 random orders of the 40,320 (≈150 ms each); STRIPE_ORDER_RUNS=5000 runs a deeper search.
  const orderRuns = Number(process.env.STRIPE_ORDER_RUNS ?? 250)
  it(`${orderRuns} random orders of a subscription’s history end where in-order delivery ends`, async () => {
    const ids = {
      subscription: 'sub_history',
      customer: 'cus_history',
      session: 'cs_history',
      invoices: ['in_history_1', 'in_history_2'] as [string, string],
    }
    const inOrder = await replay(ids, [0, 1, 2, 3, 4, 5, 6, 7])
    expect(inOrder.subscription).toMatchObject({
      status: 'active',
      dunning_stage: 'none',
      cancel_at_period_end: true,
      provider: 'stripe',
      stripe_customer_id: 'cus_history',
    })
    expect(new Date(inOrder.subscription!.current_period_end!).toISOString()).toBe(
      new Date((t0 + 60 * 86400) * 1000).toISOString(),
    )
    expect(inOrder.invoices).toHaveLength(2)
    expect(inOrder.payments).toBe(2)

    let runs = 0
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8, maxLength: 8 }), async (order) => {
        runs++
        expect(await replay(ids, order)).toEqual(inOrder)
      }),
      { numRuns: orderRuns, seed: 20261122 },
    )
    expect(runs).toBe(orderRuns)
  }, 900_000)

  it('random orders through real HTTP and the jobs queue end the same way', async () => {
    const metadataFor = (who: string) => ({
      tenant: s.tenant,
      kind: 'plan',
      plan: s.plan,
      priceKey: 'monthly',
      member: who,
    })
    const orders = fc.sample(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8, maxLength: 8 }), {
      numRuns: 5,
      seed: 7,
    })
    for (const [run, order] of orders.entries()) {
      const who = await memberOf(s.tenant)
      const ids = {
        subscription: `sub_http_${run}`,
        customer: `cus_http_${run}`,
        session: `cs_http_${run}`,
        invoices: [`in_http_${run}_1`, `in_http_${run}_2`] as [string, string],
      }
      const steps = history(s.account, ids, t0, metadataFor(who.id))
      let reached = -1
      for (const index of order) {
        while (reached < index) steps[++reached].state()
        const event = fake.event(steps[index].type, steps[index].object() as never, {
          account: s.account,
          created: t0 + index * 60,
        })
        expect((await deliver(event)).status).toBe(200)
        if (run % 2 === 0) await runJobs() // odd runs let every event queue up first
      }
      await runJobs()
      const row = await subscriptionRow(ids.subscription)
      expect(row).toMatchObject({
        member_id: who.id,
        status: 'active',
        dunning_stage: 'none',
        cancel_at_period_end: true,
      })
      expect(new Date(row.current_period_end!).toISOString()).toBe(new Date((t0 + 60 * 86400) * 1000).toISOString())
      const invoices = await q<{ status: string }>(
        sql`SELECT status FROM invoices WHERE stripe_invoice_id IN (${ids.invoices[0]}, ${ids.invoices[1]})`,
      )
      expect(invoices.map((i) => i.status)).toEqual(['paid', 'paid'])
      const [{ n }] = await q<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM payments WHERE provider_ref IN (${ids.invoices[0]}, ${ids.invoices[1]})`,
      )
      expect(n).toBe(2)
    }
  }, 300_000)
})
