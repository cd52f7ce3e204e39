import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type PayloadRequest } from 'payload'
import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { billingStore } from '../testing/billingStore'
import { reconcileStripeTask } from './jobs/reconcileStripeTask'
import { reconcileStripeTenant } from './operations/reconcileStripeTenant'
import { stripeProductId } from './operations/syncStripePrices'
import { useFakeStripe } from '@/core/testing/useFakeStripe'

// Many sign-ins from one address in this file (three per store).
process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '500'
const WEBHOOK_SECRET = 'whsec_stripe_gaps'
const app = useTestApp()
const fake = useFakeStripe(WEBHOOK_SECRET)

type Store = Awaited<ReturnType<typeof billingStore>>

const deliver = (event: Stripe.Event) => fake.deliver(app.baseUrl, event)

const SLUGS = ['processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'deliverEvent']
const pendingJobs = async (store: Store) =>
  (
    await store.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE AND task_slug IN (${sql.raw(SLUGS.map((s) => `'${s}'`).join(', '))})`,
    )
  )[0].n
const runJobs = async (store: Store) => {
  for (let i = 0; i < 6 && (await pendingJobs(store)) > 0; i++) await app.payload.jobs.run({ limit: 200 })
}

let accounts = 0
/** A tenant (billingStore) taking online payments on its own connected account. */
const connectedStore = async () => {
  const store = await billingStore(app)
  const account = `acct_gaps${(++accounts).toString().padStart(3, '0')}${Math.random().toString(36).slice(2, 10)}`
  await app.payload.create({
    collection: 'integration-connections',
    data: { tenant: store.tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
  })
  return { store, account }
}

/** A member who paid a plan's Checkout, its `checkout.session.completed` delivered and processed. */
const paidCheckout = async (store: Store, account: string, plan: string, { deliverIt = true } = {}) => {
  const member = await store.person(['member'])
  const res = await member.client.post('/api/billing/checkout', { kind: 'plan', plan, priceKey: 'monthly' })
  expect(res.status).toBe(201)
  const session = fake.completeCheckout(account, res.body.id)
  if (deliverIt) {
    expect((await deliver(fake.event('checkout.session.completed', session as never, { account }))).status).toBe(200)
    await runJobs(store)
  }
  return { member, session, stripeSubscription: String(session.subscription) }
}

const subscriptionOf = async (store: Store, stripeId: string) =>
  (
    await store.q<{
      id: string
      status: string
      pause_until: Date | null
      paused_at: Date | null
      cancel_at_period_end: boolean
      plan_id: string
    }>(
      sql`SELECT id, status, pause_until, paused_at, cancel_at_period_end, plan_id FROM subscriptions WHERE stripe_subscription_id = ${stripeId}`,
    )
  )[0]

describe('Connect account.updated', () => {
  it('connects the tenant when Stripe enables charges, marks it restricted when Stripe disables them, and ignores unknown or foreign accounts', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'])
    const plan = await store.plan({}, { classes: 'unlimited' })
    const started = await store.owner.client.post('/api/billing/stripe/connect', { tenant: store.tenant })
    expect(started.body.status).toBe('onboarding')
    const account = String(started.body.account)
    const connection = async () =>
      (
        await store.q<{ status: string; state: string | null; reason: string | null }>(
          sql`SELECT status, config->>'state' AS state, config->>'disabledReason' AS reason FROM integration_connections WHERE tenant_id = ${store.tenant} AND provider = 'stripe'`,
        )
      )[0]

    // Onboarding finished on Stripe: the webhook alone connects the tenant (no second /connect call).
    const done = fake.completeOnboarding(account)
    fake.clearRequests()
    const event = fake.event('account.updated', done as never, { account })
    const answers = await Promise.all([deliver(event), deliver(event), deliver(event)])
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    const [inbound] = await store.q<{ tenant_id: string }>(
      sql`SELECT tenant_id FROM inbound_webhooks WHERE event_id = ${event.id}`,
    )
    expect(inbound.tenant_id).toBe(store.tenant)
    await runJobs(store)
    expect(await connection()).toEqual({ status: 'connected', state: 'connected', reason: null })
    expect(fake.requests.filter((r) => r.path === '/v1/account_links')).toHaveLength(0)
    expect(fake.requests.filter((r) => r.path === `/v1/accounts/${account}`)).toHaveLength(1) // re-read once; the replays were duplicates
    const [audits] = await store.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_logs WHERE tenant_id = ${store.tenant} AND action = 'stripe.account_connected'`,
    )
    expect(audits.n).toBe(1)
    // Becoming connected synced the plan's price to Stripe, and Checkout now runs on the account with it.
    const [price] = await store.q<{ stripe_price_id: string | null }>(
      sql`SELECT stripe_price_id FROM membership_plans_prices WHERE _parent_id = ${plan.id}`,
    )
    expect(price.stripe_price_id).toMatch(/^price_/)
    const checkout = await member.client.post('/api/billing/checkout', {
      kind: 'plan',
      plan: plan.id,
      priceKey: 'monthly',
    })
    expect(checkout.status).toBe(201)
    expect(fake.requests.find((r) => r.path === '/v1/checkout/sessions')).toMatchObject({
      account,
      params: { line_items: [{ price: price.stripe_price_id, quantity: '1' }] },
    })

    // Stripe disables charges (requirements past due): restricted, no online payments.
    const restricted = fake.restrictAccount(account)
    await deliver(fake.event('account.updated', restricted as never, { account }))
    await runJobs(store)
    expect(await connection()).toEqual({ status: 'restricted', state: 'restricted', reason: 'requirements.past_due' })
    expect(
      (await member.client.post('/api/billing/checkout', { kind: 'plan', plan: plan.id, priceKey: 'monthly' })).body
        .error,
    ).toBe('stripe_not_configured')
    // …and enabled again: connected again, without the owner.
    await deliver(fake.event('account.updated', fake.completeOnboarding(account) as never, { account }))
    await runJobs(store)
    expect((await connection()).status).toBe('connected')

    // An account nobody connected: recorded, then ignored.
    const stranger = fake.event(
      'account.updated',
      { id: 'acct_nobody', object: 'account', charges_enabled: true, details_submitted: true } as never,
      { account: 'acct_nobody' },
    )
    expect((await deliver(stranger)).status).toBe(200)
    await runJobs(store)
    expect(await store.q(sql`SELECT status, tenant_id FROM inbound_webhooks WHERE event_id = ${stranger.id}`)).toEqual([
      { status: 'ignored', tenant_id: null },
    ])

    // Another tenant's row naming this account (Stripe's metadata says it is ours): ignored, that row unchanged.
    const other = await billingStore(app)
    await store.q(
      sql`UPDATE integration_connections SET config = config || '{"accountId":"acct_moved"}'::jsonb WHERE tenant_id = ${store.tenant} AND provider = 'stripe'`,
    )
    await app.payload.create({
      collection: 'integration-connections',
      data: { tenant: other.tenant, provider: 'stripe', status: 'disconnected', config: { accountId: account } },
    })
    const foreign = fake.event('account.updated', fake.get(null, account) as never, { account })
    await deliver(foreign)
    await runJobs(store)
    expect(await store.q(sql`SELECT status, tenant_id FROM inbound_webhooks WHERE event_id = ${foreign.id}`)).toEqual([
      { status: 'ignored', tenant_id: other.tenant },
    ])
    expect(await store.q(sql`SELECT status FROM integration_connections WHERE tenant_id = ${other.tenant}`)).toEqual([
      { status: 'disconnected' },
    ])
  }, 60_000)
})

describe('Stripe subscriptions: invoice refunds, pause until a date, price sync', () => {
  it('mirrors refunds made in Stripe of a subscription invoice’s charge onto its payment, once per refund id, and marks the invoice refunded when fully refunded', async () => {
    const { store, account } = await connectedStore()
    const plan = await store.plan({})
    await runJobs(store)
    const { session, stripeSubscription } = await paidCheckout(store, account, plan.id)
    const invoice = fake.invoice(account, {
      subscription: stripeSubscription,
      customer: String(session.customer),
      status: 'paid',
      amount: 9900,
    })
    await deliver(fake.event('invoice.paid', invoice, { account }))
    await runJobs(store)
    const payment = async () =>
      (
        await store.q<{ id: string; amount_refunded: string; status: string; refunds: number }>(
          sql`SELECT p.id, p.amount_refunded, p.status, (SELECT count(*)::int FROM payments_refunds r WHERE r._parent_id = p.id AND r.provider_refund_id IS NOT NULL) AS refunds
            FROM payments p WHERE p.provider = 'stripe' AND p.provider_ref = ${invoice.id}`,
        )
      )[0]
    const invoiceStatus = async () =>
      (await store.q<{ status: string }>(sql`SELECT status FROM invoices WHERE stripe_invoice_id = ${invoice.id}`))[0]
        .status
    expect(await payment()).toMatchObject({ amount_refunded: '0', status: 'succeeded' })
    fake.clearRequests()

    const intent = `pi_for_${invoice.id}`
    const partial = fake.event('charge.refunded', fake.refundInDashboard(account, intent, 1000), { account })
    await Promise.all(Array.from({ length: 5 }, () => deliver(partial)))
    await runJobs(store)
    expect(await payment()).toMatchObject({ amount_refunded: '1000', status: 'partially_refunded', refunds: 1 })
    expect(await invoiceStatus()).toBe('paid')

    const rest = fake.event('charge.refunded', fake.refundInDashboard(account, intent, 8900), { account })
    await deliver(rest)
    // A second delivery of the first news, under another event id, out of order: nothing new.
    await deliver(fake.event('charge.refunded', partial.data.object as never, { account }))
    await runJobs(store)
    expect(await payment()).toMatchObject({ amount_refunded: '9900', status: 'refunded', refunds: 2 })
    expect(await invoiceStatus()).toBe('refunded')
    const [sum] = await store.q<{ s: string }>(
      sql`SELECT sum(amount)::text AS s FROM payments_refunds WHERE _parent_id = ${(await payment()).id}`,
    )
    expect(sum.s).toBe('9900')
    // Nothing was sent back to Stripe; a later invoice event keeps the invoice refunded.
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')).toHaveLength(0)
    await deliver(fake.event('invoice.paid', fake.get(account, invoice.id) as never, { account }))
    await runJobs(store)
    expect(await invoiceStatus()).toBe('refunded')
  }, 60_000)

  it('pauses a Stripe subscription until a date with pause_collection (void, resumes_at): paused, no bookings by membership; resume clears it', async () => {
    const { store, account } = await connectedStore()
    const plan = await store.plan({}, { classes: 'unlimited' })
    await runJobs(store)
    const { member, stripeSubscription } = await paidCheckout(store, account, plan.id)
    const sub = await subscriptionOf(store, stripeSubscription)
    expect(sub.status).toBe('active')
    const klass = await store.klass()
    expect((await member.client.post(`/api/classes/${klass.id}/book`)).body.booking.paymentMethod).toBe('membership')

    expect(
      (
        await member.client.post(`/api/subscriptions/${sub.id}/pause`, {
          until: new Date(Date.now() + 86_400_000).toISOString(),
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await store.desk.client.post(`/api/subscriptions/${sub.id}/pause`, {
          until: new Date(Date.now() - 60_000).toISOString(),
        })
      ).status,
    ).toBe(400)
    fake.clearRequests()
    const until = new Date(Math.floor(Date.now() / 1000 + 10 * 86_400) * 1000).toISOString()
    const paused = await store.desk.client.post(`/api/subscriptions/${sub.id}/pause`, { until })
    expect(paused.status).toBe(200)
    expect(paused.body.subscription).toMatchObject({
      id: sub.id,
      status: 'paused',
      provider: 'stripe',
      pauseUntil: until,
    })
    const call = fake.requests.find((r) => r.method === 'POST' && r.path === `/v1/subscriptions/${stripeSubscription}`)!
    expect(call).toMatchObject({
      account,
      params: { pause_collection: { behavior: 'void', resumes_at: String(Date.parse(until) / 1000) } },
    })
    expect(call.idempotencyKey).toMatch(new RegExp(`^atrium:pause:${sub.id}:${Date.parse(until) / 1000}:\\d+$`))
    expect(fake.get(account, stripeSubscription)!.pause_collection).toEqual({
      behavior: 'void',
      resumes_at: Date.parse(until) / 1000,
    })
    const mirrored = await subscriptionOf(store, stripeSubscription)
    expect(mirrored.status).toBe('paused')
    expect(new Date(mirrored.pause_until!).toISOString()).toBe(until)

    const refused = await member.client.post(`/api/classes/${(await store.klass()).id}/book`)
    expect(refused.status).toBe(403)
    expect(refused.body.error).toBe('membership_paused')
    // Stripe's own webhook for the pause changes nothing more; a second pause is refused.
    await deliver(
      fake.event('customer.subscription.updated', fake.get(account, stripeSubscription) as never, { account }),
    )
    await runJobs(store)
    expect((await subscriptionOf(store, stripeSubscription)).status).toBe('paused')
    expect((await store.desk.client.post(`/api/subscriptions/${sub.id}/pause`, { until })).body.error).toBe(
      'not_pausable',
    )

    const resumed = await store.desk.client.post(`/api/subscriptions/${sub.id}/resume`)
    expect(resumed.status).toBe(200)
    expect(resumed.body.subscription).toMatchObject({ status: 'active', pauseUntil: null })
    expect(fake.get(account, stripeSubscription)!.pause_collection).toBeNull()
    expect(await subscriptionOf(store, stripeSubscription)).toMatchObject({
      status: 'active',
      pause_until: null,
      paused_at: null,
    })
    expect((await member.client.post(`/api/classes/${(await store.klass()).id}/book`)).body.booking.paymentMethod).toBe(
      'membership',
    )
    expect((await store.desk.client.post(`/api/subscriptions/${sub.id}/resume`)).body.error).toBe('not_paused')
  }, 60_000)

  it('syncs plan prices to Stripe Products/Prices on the tenant’s account through the jobs queue, once, and Checkout uses the stored price', async () => {
    const { store, account } = await connectedStore()
    fake.clearRequests()
    const plan = await store.plan({
      name: 'Gold',
      prices: [
        { key: 'monthly', interval: 'month', intervalCount: 1, amount: 9900, currency: 'USD', active: true },
        { key: 'once', interval: 'one_time', intervalCount: 1, amount: 25000, currency: 'USD', active: true },
      ],
    })
    expect(fake.requests.filter((r) => r.path.startsWith('/v1/p'))).toHaveLength(0) // nothing before commit: the queue does it
    const [queued] = await store.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'syncStripePrices' AND input->>'plan' = ${plan.id}`,
    )
    expect(queued.n).toBe(1)
    await runJobs(store)
    const prices = async () =>
      store.q<{ key: string; stripe_price_id: string | null }>(
        sql`SELECT key, stripe_price_id FROM membership_plans_prices WHERE _parent_id = ${plan.id} ORDER BY _order`,
      )
    const synced = await prices()
    expect(synced.map((p) => p.key)).toEqual(['monthly', 'once'])
    expect(synced.every((p) => /^price_/.test(p.stripe_price_id ?? ''))).toBe(true)
    const product = stripeProductId(plan.id)
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/p'))
    expect(posts.map((r) => [r.path, r.account, r.idempotencyKey])).toEqual([
      ['/v1/products', account, `atrium:product:${plan.id}`],
      ['/v1/prices', account, `atrium:price:${plan.id}:monthly:9900:USD:month:1`],
      ['/v1/prices', account, `atrium:price:${plan.id}:once:25000:USD:one_time:1`],
    ])
    expect(posts[0].params).toMatchObject({
      id: product,
      name: 'Gold',
      metadata: { tenant: store.tenant, plan: plan.id },
    })
    expect(posts[1].params).toMatchObject({
      product,
      currency: 'usd',
      unit_amount: '9900',
      recurring: { interval: 'month', interval_count: '1' },
      metadata: { priceKey: 'monthly' },
    })
    expect(posts[2].params.recurring).toBeUndefined()
    expect(fake.get(account, synced[0].stripe_price_id!)).toMatchObject({
      product,
      unit_amount: 9900,
      recurring: { interval: 'month' },
    })

    // The job again (a retry): nothing new.
    await app.payload.jobs.queue({ task: 'syncStripePrices', input: { tenant: store.tenant, plan: plan.id } })
    await runJobs(store)
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/p') && !r.replayed)).toHaveLength(
      3,
    )
    expect(await prices()).toEqual(synced)

    // A member subscribes; then a new price replaces the used one: only it gets a Stripe Price, on the same product.
    const member = await store.person(['member'])
    fake.clearRequests()
    const checkout = await member.client.post('/api/billing/checkout', {
      kind: 'plan',
      plan: plan.id,
      priceKey: 'monthly',
    })
    expect(checkout.status).toBe(201)
    expect(fake.requests.find((r) => r.path === '/v1/checkout/sessions')!.params.line_items).toEqual([
      { price: synced[0].stripe_price_id, quantity: '1' },
    ])
    fake.completeCheckout(account, checkout.body.id)
    const replace = await store.owner.client.patch(`/api/membership-plans/${plan.id}`, {
      prices: [
        {
          key: 'monthly',
          interval: 'month',
          intervalCount: 1,
          amount: 9900,
          currency: 'USD',
          active: false,
          stripePriceId: synced[0].stripe_price_id,
        },
        {
          key: 'once',
          interval: 'one_time',
          intervalCount: 1,
          amount: 25000,
          currency: 'USD',
          active: true,
          stripePriceId: synced[1].stripe_price_id,
        },
        { key: 'monthly-2027', interval: 'month', intervalCount: 1, amount: 10900, currency: 'USD', active: true },
      ],
    })
    expect(replace.status).toBe(200)
    fake.clearRequests()
    await runJobs(store)
    // The replaced (now inactive) price's Stripe Price is archived; the subscription on it keeps running on Stripe.
    expect(
      fake.requests.filter((r) => r.method === 'POST').map((r) => [r.path, r.params.unit_amount ?? r.params.active]),
    ).toEqual([
      ['/v1/prices', '10900'],
      [`/v1/prices/${synced[0].stripe_price_id}`, 'false'],
    ])
    const after = await prices()
    expect(after.slice(0, 2)).toEqual(synced)
    expect(after[2].stripe_price_id).toMatch(/^price_/)
    expect(fake.get(account, synced[0].stripe_price_id!)).toMatchObject({ active: false })
    expect(fake.get(account, after[2].stripe_price_id!)).toMatchObject({ active: true })
    // A retried job archives nothing twice (the idempotency key replays), and sells only active prices.
    fake.clearRequests()
    await app.payload.jobs.queue({ task: 'syncStripePrices', input: { tenant: store.tenant, plan: plan.id } })
    await runJobs(store)
    expect(fake.requests.filter((r) => r.method === 'POST' && !r.replayed)).toEqual([])

    // An unused price edited in place loses its (immutable) Stripe Price and gets a new one.
    await store.owner.client.patch(`/api/membership-plans/${plan.id}`, {
      prices: [
        {
          key: 'monthly',
          interval: 'month',
          intervalCount: 1,
          amount: 9900,
          currency: 'USD',
          active: false,
          stripePriceId: synced[0].stripe_price_id,
        },
        {
          key: 'once',
          interval: 'one_time',
          intervalCount: 1,
          amount: 27000,
          currency: 'USD',
          active: true,
          stripePriceId: synced[1].stripe_price_id,
        },
        {
          key: 'monthly-2027',
          interval: 'month',
          intervalCount: 1,
          amount: 10900,
          currency: 'USD',
          active: true,
          stripePriceId: after[2].stripe_price_id,
        },
      ],
    })
    await runJobs(store)
    const edited = await prices()
    expect(edited[1].stripe_price_id).toMatch(/^price_/)
    expect(edited[1].stripe_price_id).not.toBe(synced[1].stripe_price_id)
    expect(fake.get(account, edited[1].stripe_price_id!)).toMatchObject({ unit_amount: 27000, active: true })
    expect(fake.get(account, synced[1].stripe_price_id!)).toMatchObject({ unit_amount: 25000, active: false }) // the replaced one is archived

    // Selling the old monthly price again restores its archived Stripe Price.
    fake.clearRequests()
    await store.owner.client.patch(`/api/membership-plans/${plan.id}`, {
      prices: [
        {
          key: 'monthly',
          interval: 'month',
          intervalCount: 1,
          amount: 9900,
          currency: 'USD',
          active: true,
          stripePriceId: synced[0].stripe_price_id,
        },
        {
          key: 'once',
          interval: 'one_time',
          intervalCount: 1,
          amount: 27000,
          currency: 'USD',
          active: true,
          stripePriceId: edited[1].stripe_price_id,
        },
        {
          key: 'monthly-2027',
          interval: 'month',
          intervalCount: 1,
          amount: 10900,
          currency: 'USD',
          active: true,
          stripePriceId: after[2].stripe_price_id,
        },
      ],
    })
    await runJobs(store)
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => [r.path, r.params.active])).toEqual([
      [`/v1/prices/${synced[0].stripe_price_id}`, 'true'],
    ])
    expect(fake.get(account, synced[0].stripe_price_id!)).toMatchObject({ active: true })
  }, 60_000)
})

describe('one-time plan prices online', () => {
  it('a one-time price is sold with Checkout in payment mode; the paid session starts the plan like a desk payment, once; a second payment for it is refunded on Stripe', async () => {
    const { store, account } = await connectedStore()
    const plan = await store.plan({
      name: 'Ten-week course',
      creditGrantPerPeriod: 10,
      prices: [{ key: 'course', interval: 'one_time', intervalCount: 1, amount: 30000, currency: 'USD', active: true }],
    })
    await runJobs(store) // the price sync gives the one-time price its Stripe Price
    const [{ stripe_price_id: stripePrice }] = await store.q<{ stripe_price_id: string }>(
      sql`SELECT stripe_price_id FROM membership_plans_prices WHERE _parent_id = ${plan.id}`,
    )
    expect(stripePrice).toMatch(/^price_/)

    const member = await store.person(['member'])
    fake.clearRequests()
    const res = await member.client.post('/api/billing/checkout', { kind: 'plan', plan: plan.id, priceKey: 'course' })
    expect(res.status).toBe(201)
    const call = fake.requests.find((r) => r.path === '/v1/checkout/sessions')!
    const metadata = {
      tenant: store.tenant,
      kind: 'plan',
      plan: plan.id,
      priceKey: 'course',
      member: member.membershipId,
    }
    expect(call).toMatchObject({
      account,
      params: {
        mode: 'payment',
        line_items: [{ price: stripePrice, quantity: '1' }],
        metadata,
        payment_intent_data: { metadata },
      },
    })
    expect(call.params.subscription_data).toBeUndefined()

    const session = fake.completeCheckout(account, res.body.id)
    expect(session.amount_total).toBe(30000)
    const paid = fake.event('checkout.session.completed', session as never, { account })
    expect((await Promise.all(Array.from({ length: 5 }, () => deliver(paid)))).map((a) => a.status)).toEqual([
      200, 200, 200, 200, 200,
    ])
    await runJobs(store)

    // The same rows a desk payment of the one-time price makes (startManualSubscription), except the payment's provider.
    const other = await store.person(['member'], false)
    expect((await store.subscribe(other.membershipId, plan.id, 'course')).status).toBe(201)
    const access = (who: string) =>
      store.q<{
        status: string
        provider: string
        ends: boolean
        invoice: string
        invoice_ends: boolean
        paid_by: string
        purpose: string
        amount: string
        credits: string
        activated: number
      }>(sql`
        SELECT s.status::text, s.provider::text, s.current_period_end IS NOT NULL AS ends, i.status::text AS invoice, i.period_end IS NOT NULL AS invoice_ends,
               p.provider::text AS paid_by, p.purpose::text, p.amount_amount::text AS amount,
               (SELECT string_agg(initial_credits::text, ',') FROM credit_lots WHERE member_id = s.member_id) AS credits,
               (SELECT count(*)::int FROM audit_logs WHERE resource_id = s.id::text AND action = 'subscription.started') AS activated
        FROM subscriptions s JOIN invoices i ON i.subscription_id = s.id JOIN payments p ON p.id = i.payment_id
        WHERE s.member_id = ${who} AND s.plan_id = ${plan.id}`)
    const online = await access(member.membershipId)
    expect(online).toEqual([
      {
        status: 'active',
        provider: 'manual',
        ends: false,
        invoice: 'paid',
        invoice_ends: false,
        paid_by: 'stripe',
        purpose: 'subscription',
        amount: '30000',
        credits: '10',
        activated: 1,
      },
    ])
    expect((await access(other.membershipId)).map((row) => ({ ...row, paid_by: 'stripe' }))).toEqual(online)
    const [payment] = await store.q<{ id: string; ref_collection: string; provider_ref: string }>(
      sql`SELECT id, ref_collection, provider_ref FROM payments WHERE tenant_id = ${store.tenant} AND provider = 'stripe'`,
    )
    expect(payment).toMatchObject({ ref_collection: 'subscriptions', provider_ref: session.payment_intent })
    // It cannot be bought twice.
    expect(
      (await member.client.post('/api/billing/checkout', { kind: 'plan', plan: plan.id, priceKey: 'course' })).body
        .error,
    ).toBe('already_subscribed')

    // A second session paid for the same plan (opened in another tab earlier): recorded, refunded in full on Stripe once, audited.
    fake.clearRequests()
    const twin = { ...session, id: 'cs_twin_course', payment_intent: `pi_twin_${plan.id}` }
    const twinEvent = fake.event('checkout.session.completed', twin as never, { account })
    await Promise.all(Array.from({ length: 3 }, () => deliver(twinEvent)))
    await runJobs(store)
    await deliver(fake.event('checkout.session.completed', twin as never, { account })) // Stripe sends it again under another event id
    await runJobs(store)
    const [refunded] = await store.q<{
      id: string
      status: string
      amount_refunded: string
      refunds: string
      audited: number
      subs: number
    }>(sql`
      SELECT p.id, p.status::text, p.amount_refunded::text, (SELECT string_agg(r.amount || ':' || coalesce(r.provider_refund_id, '-'), ',') FROM payments_refunds r WHERE r._parent_id = p.id) AS refunds,
             (SELECT count(*)::int FROM audit_logs WHERE resource_id = p.id::text AND action = 'subscription.checkout_refunded') AS audited,
             (SELECT count(*)::int FROM subscriptions WHERE member_id = ${member.membershipId}) AS subs
      FROM payments p WHERE p.provider = 'stripe' AND p.provider_ref = ${twin.payment_intent}`)
    expect(refunded).toMatchObject({ status: 'refunded', amount_refunded: '30000', audited: 1, subs: 1 })
    expect(refunded.refunds).toMatch(/^30000:re_/)
    const refunds = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')
    expect(refunds.map((r) => [r.account, r.params.payment_intent, r.params.amount])).toEqual([
      [account, twin.payment_intent, '30000'],
    ])
    expect(refunds[0].idempotencyKey).toMatch(new RegExp(`^atrium:refund:${refunded.id}:[0-9a-f-]{36}$`))
  }, 60_000)
})

describe('nightly Stripe reconciliation', () => {
  it('repairs subscriptions whose webhooks were lost through the same mirror, audits the drift, and changes nothing on a second run', async () => {
    const { store, account } = await connectedStore()
    const plan = await store.plan({ creditGrantPerPeriod: 2 })
    await runJobs(store)
    const kept = await paidCheckout(store, account, plan.id)
    // Lost: a cancel at period end and a paid invoice of the first member…
    fake.subscription(account, { id: kept.stripeSubscription, cancelAtPeriodEnd: true })
    const invoice = fake.invoice(account, {
      subscription: kept.stripeSubscription,
      customer: String(kept.session.customer),
      status: 'paid',
      amount: 9900,
    })
    fake.subscription(account, { id: kept.stripeSubscription, latestInvoice: invoice.id })
    // …and every webhook of a second member's Checkout.
    const lost = await paidCheckout(store, account, plan.id, { deliverIt: false })
    expect(await subscriptionOf(store, lost.stripeSubscription)).toBeUndefined()
    expect((await subscriptionOf(store, kept.stripeSubscription)).cancel_at_period_end).toBe(false)

    const run = async () => {
      const req: PayloadRequest = await createLocalReq({}, app.payload)
      return reconcileStripeTenant(req, { tenant: store.tenant, account })
    }
    const first = await run()
    expect(first).toMatchObject({ tenant: store.tenant, checked: 2, drifted: 2, failed: 0 })
    expect(await subscriptionOf(store, kept.stripeSubscription)).toMatchObject({
      status: 'active',
      cancel_at_period_end: true,
    })
    const repaired = await subscriptionOf(store, lost.stripeSubscription)
    expect(repaired).toMatchObject({ status: 'active', plan_id: plan.id })
    expect(
      await store.q(sql`SELECT status, amount_amount FROM invoices WHERE stripe_invoice_id = ${invoice.id}`),
    ).toEqual([{ status: 'paid', amount_amount: '9900' }])
    expect(await store.q(sql`SELECT count(*)::int AS n FROM payments WHERE provider_ref = ${invoice.id}`)).toEqual([
      { n: 1 },
    ])
    expect(
      await store.q(
        sql`SELECT initial_credits::int AS credits FROM credit_lots WHERE member_id = ${lost.member.membershipId}`,
      ),
    ).toEqual([{ credits: 2 }])
    const drift = await store.q<{ resource_id: string; before: Record<string, unknown> }>(
      sql`SELECT resource_id, before FROM audit_logs WHERE tenant_id = ${store.tenant} AND action = 'stripe.reconcile_drift' ORDER BY resource_id`,
    )
    expect(drift.map((d) => d.resource_id).sort()).toEqual(
      [repaired.id, (await subscriptionOf(store, kept.stripeSubscription)).id].sort(),
    )
    expect(drift.find((d) => d.resource_id === repaired.id)!.before).toEqual({ missing: true })

    // Second run: same state, no drift, nothing granted or paid twice.
    expect(await run()).toMatchObject({ checked: 2, drifted: 0, failed: 0 })
    expect(await store.q(sql`SELECT count(*)::int AS n FROM payments WHERE provider_ref = ${invoice.id}`)).toEqual([
      { n: 1 },
    ])
    expect(
      await store.q(sql`SELECT count(*)::int AS n FROM credit_lots WHERE member_id = ${lost.member.membershipId}`),
    ).toEqual([{ n: 1 }])
    // Changes older than the two-day window are not looked at.
    const req: PayloadRequest = await createLocalReq({}, app.payload)
    expect(
      await reconcileStripeTenant(req, { tenant: store.tenant, account, now: new Date(Date.now() + 3 * 86_400_000) }),
    ).toMatchObject({ checked: 0 })
    // A webhook arriving late for an older change does not move the repaired row back.
    fake.subscription(account, { id: kept.stripeSubscription, cancelAtPeriodEnd: false })
    const older = fake.event('customer.subscription.updated', fake.get(account, kept.stripeSubscription) as never, {
      account,
      created: Math.floor(Date.now() / 1000) - 3600,
    })
    fake.subscription(account, { id: kept.stripeSubscription, cancelAtPeriodEnd: true })
    await deliver(older)
    await runJobs(store)
    expect((await subscriptionOf(store, kept.stripeSubscription)).cancel_at_period_end).toBe(true)

    // The scheduled task runs every connected tenant.
    const output = (
      await (
        reconcileStripeTask.handler as (args: { req: PayloadRequest }) => Promise<{ output: Record<string, number> }>
      )({ req })
    ).output
    expect(output.tenants).toBeGreaterThanOrEqual(1)
    expect(output.failed).toBe(0)
  }, 60_000)
})
