import { sql } from '@payloadcms/db-postgres'
import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { useFakeStripe } from '@/core/testing/useFakeStripe'

const WEBHOOK_SECRET = 'whsec_atrium_lms_payouts_test'
const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)
const fake = useFakeStripe(WEBHOOK_SECRET)

/** Runs the queue until no Stripe event or domain-event delivery is left. */
const runJobs = async () => {
  for (let i = 0; i < 8; i++) {
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE AND task_slug IN ('processStripeEvent', 'deliverEvent')`,
    )
    if (n === 0) return
    await app.payload.jobs.run({ limit: 200 })
  }
}

type Creator = {
  tenant: string
  account: string
  owner: HttpClient
  course: string
  coursePrice: number
  pack: string
  member: { id: string; client: HttpClient }
}

/**
 * A creator business (New York time) on a connected Stripe account with a platform fee of `bps`
 * (set by a platform admin; the owner cannot change it), selling a course (49.99) and a class pack
 * (10.00), and a verified member.
 */
const creator = async (bps: number): Promise<Creator> => {
  const tenant = String((await createTenant(app.payload, { timezone: 'America/New_York' })).id)
  const account = `acct_payouts${Math.random().toString(36).slice(2, 10)}`
  await app.payload.create({
    collection: 'integration-connections',
    data: { tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
  })
  const { user: admin } = await createPerson(app.payload, { platformRole: 'super_admin' })
  const asAdmin = (await signIn(app, admin.email)).client
  expect((await asAdmin.patch(`/api/tenants/${tenant}`, { platformFeeBps: bps })).status).toBe(200)
  const { user: ownerUser } = await createPerson(app.payload, { tenant, roles: ['owner'] })
  const owner = (await signIn(app, ownerUser.email)).client
  // The creator cannot lower the platform's fee: the field is the platform admins'.
  await owner.patch(`/api/tenants/${tenant}`, { platformFeeBps: 0 })
  const [{ bps: stored }] = await q<{ bps: string }>(
    sql`SELECT platform_fee_bps AS bps FROM tenants WHERE id = ${tenant}`,
  )
  expect(Number(stored)).toBe(bps)

  const course = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant, title: 'Creator course', slug: `c-${Math.random().toString(36).slice(2, 10)}` },
  })
  const product = async (data: Record<string, unknown>) => {
    const slug = `p-${Math.random().toString(36).slice(2, 10)}`
    const res = await owner.post('/api/products', { tenant, name: slug, slug, ...data })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return String(res.body.doc.id)
  }
  const coursePrice = 4999
  const courseProduct = await product({
    kind: 'digital',
    price: { amount: coursePrice, currency: 'USD' },
    lms: { course: course.id },
  })
  const pack = await product({
    kind: 'credit_pack',
    price: { amount: 1000, currency: 'USD' },
    pack: { credits: 1, creditType: 'class', validityDays: 30 },
  })
  const { user, membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
  await q(sql`UPDATE users SET email_verified_at = now() WHERE id = ${user.id}`)
  const member = { id: String(membership!.id), client: (await signIn(app, user.email)).client }
  return { tenant, account, owner, course: courseProduct, coursePrice, pack, member }
}

const paymentOf = async (order: string) =>
  (
    await q<{ id: string; amount: string; platform_fee: string | null; creator_payout: string | null }>(
      sql`SELECT p.id::text AS id, p.amount_amount::text AS amount, p.platform_fee::text AS platform_fee, p.creator_payout::text AS creator_payout
          FROM payments p JOIN orders o ON o.payment_id = p.id WHERE o.id = ${order}`,
    )
  )[0]

const refundsOf = async (payment: string) =>
  q<{ amount: string; reversed: string | null; provider_refund_id: string | null }>(
    sql`SELECT amount::text AS amount, platform_fee_reversed::text AS reversed, provider_refund_id FROM payments_refunds
        WHERE _parent_id = ${payment} ORDER BY _order`,
  )

describe('creator payouts (seed 004): platform fee, Connect application fee, refunds, earnings by month', () => {
  it('an online purchase of a course and a pack: the Checkout on the connected account asks for application_fee_amount on the course line only (direct charge: no transfer_data), the payment records fee 1500 (30 % of 49.99, half up) and creator payout 4499; two partial refunds reverse 500 then 1000 of the fee and reach Stripe with refund_application_fee', async () => {
    const c = await creator(3000)
    fake.clearRequests()
    const buy = await c.member.client.post('/api/orders/buy', {
      lines: [
        { product: c.course, quantity: 1 },
        { product: c.pack, quantity: 1 },
      ],
    })
    expect(buy.status, JSON.stringify(buy.body)).toBe(201)
    expect(buy.body.order.total).toBe(5999)
    const created = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions')
    expect(created).toHaveLength(1)
    expect(created[0].account).toBe(c.account)
    const intentData = created[0].params.payment_intent_data as Record<string, unknown>
    expect(intentData.application_fee_amount).toBe('1500')
    expect(intentData.transfer_data).toBeUndefined()
    expect(intentData.on_behalf_of).toBeUndefined()
    expect(intentData.metadata).toMatchObject({ platformFee: '1500', platformFeeBps: '3000', refId: buy.body.order.id })

    const session = fake.completeCheckout(c.account, buy.body.checkout.id)
    expect(fake.get(null, `fee_for_${session.payment_intent}`)).toMatchObject({ amount: 1500, account: c.account })
    expect(
      (await fake.deliver(app.baseUrl, fake.event('checkout.session.completed', session, { account: c.account })))
        .status,
    ).toBe(200)
    await runJobs()
    const payment = await paymentOf(buy.body.order.id)
    expect(payment).toMatchObject({ amount: '5999', platform_fee: '1500', creator_payout: '4499' })
    // The purchase still opens the course (lms learns of it through order.paid).
    const [{ grants }] = await q<{ grants: number }>(
      sql`SELECT count(*)::int AS grants FROM access_grants WHERE member_id = ${c.member.id} AND revoked_at IS NULL`,
    )
    expect(grants).toBe(1)

    // 20.00 of 59.99 back: ⌊1500 × 2000 / 5999 + ½⌋ = 500 of the fee.
    const first = await c.owner.post(`/api/orders/${buy.body.order.id}/refund`, { amount: 2000, reason: 'Pack unused' })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    await runJobs()
    const rest = await c.owner.post(`/api/orders/${buy.body.order.id}/refund`, { reason: 'Course not for me' })
    expect(rest.status, JSON.stringify(rest.body)).toBe(200)
    await runJobs()
    const refunds = await refundsOf(payment.id)
    expect(refunds.map((r) => [r.amount, r.reversed])).toEqual([
      ['2000', '500'],
      ['3999', '1000'],
    ])
    expect(refunds.every((r) => r.provider_refund_id?.startsWith('re_'))).toBe(true)
    const sent = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')
    expect(sent.map((r) => [r.account, r.params.amount, r.params.refund_application_fee])).toEqual([
      [c.account, '2000', 'true'],
      [c.account, '3999', 'true'],
    ])
    // Stripe gave the platform's whole fee back with the two refunds.
    expect(fake.get(null, `fee_for_${session.payment_intent}`)).toMatchObject({ amount: 1500, amount_refunded: 1500 })

    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit' })
      .format(new Date())
      .slice(0, 7)
    const earnings = await c.owner.get(`/api/lms/earnings?from=${month}&to=${month}`)
    expect(earnings.status, JSON.stringify(earnings.body)).toBe(200)
    expect(earnings.body).toMatchObject({
      tenant: c.tenant,
      timeZone: 'America/New_York',
      currency: 'USD',
      months: [
        { month, gross: 5999, platformFee: 1500, refunds: 5999, platformFeeReversed: 1500, net: 0, payments: 1 },
      ],
    })
  })

  it('the fee falls back to the platform default (platform-config billing.platformFeeBps), a desk sale records the split too, and a sale without creator content records none; the Connect fake refuses an application fee on the platform account and a destination charge on a connected one', async () => {
    const c = await creator(1000)
    await q(sql`UPDATE tenants SET platform_fee_bps = NULL WHERE id = ${c.tenant}`)
    const key = 'billing.platformFeeBps'
    const before = await app.payload.find({ collection: 'platform-config', where: { key: { equals: key } } })
    const config = before.docs[0]
      ? await app.payload.update({
          collection: 'platform-config',
          id: before.docs[0].id,
          data: { value: 2500, enabled: true },
        })
      : await app.payload.create({ collection: 'platform-config', data: { key, value: 2500, enabled: true } })
    try {
      const sale = await c.owner.post('/api/orders/checkout', {
        tenant: c.tenant,
        member: c.member.id,
        lines: [{ product: c.course, quantity: 1 }],
        payment: { provider: 'cash' },
      })
      expect(sale.status, JSON.stringify(sale.body)).toBe(201)
      // 25 % of 49.99 = 1249.75 → 1250.
      expect(await paymentOf(sale.body.order.id)).toMatchObject({ platform_fee: '1250', creator_payout: '3749' })
    } finally {
      if (before.docs[0])
        await app.payload.update({
          collection: 'platform-config',
          id: before.docs[0].id,
          data: { value: before.docs[0].value, enabled: before.docs[0].enabled },
        })
      else await app.payload.delete({ collection: 'platform-config', id: config.id })
    }
    const packOnly = await c.owner.post('/api/orders/checkout', {
      tenant: c.tenant,
      member: c.member.id,
      lines: [{ product: c.pack, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    expect(packOnly.status, JSON.stringify(packOnly.body)).toBe(201)
    expect(await paymentOf(packOnly.body.order.id)).toMatchObject({ platform_fee: null, creator_payout: null })

    // What Stripe refuses, the fake refuses too.
    const stripe = new Stripe('sk_test_atrium_fake', {
      host: fake.host,
      port: fake.port,
      protocol: fake.protocol,
      maxNetworkRetries: 0,
    })
    const session = {
      mode: 'payment' as const,
      success_url: 'https://example.test/ok',
      line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 1000, product_data: { name: 'x' } } }],
    }
    await expect(
      stripe.checkout.sessions.create({ ...session, payment_intent_data: { application_fee_amount: 100 } }),
    ).rejects.toThrow(/on behalf of another account/)
    await expect(
      stripe.checkout.sessions.create(
        { ...session, payment_intent_data: { application_fee_amount: 1001 } },
        { stripeAccount: c.account },
      ),
    ).rejects.toThrow(/greater than the amount/)
    await expect(
      stripe.checkout.sessions.create(
        { ...session, payment_intent_data: { transfer_data: { destination: c.account } } },
        { stripeAccount: c.account },
      ),
    ).rejects.toThrow(/destination charge/)
  })

  it('a content-tier subscription (a plan whose content rules open the catalog) is a creator sale: the desk payment records 10 % (200 of 19.99), the Stripe Checkout asks for application_fee_percent 10; a plan opening no content records no split', async () => {
    const c = await creator(1000)
    const plan = async (name: string, lms: Record<string, unknown> | undefined) => {
      const res = await c.owner.post('/api/membership-plans', {
        tenant: c.tenant,
        name,
        prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 1999, currency: 'USD', active: true }],
        ...(lms ? { lms } : {}),
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return String(res.body.doc.id)
    }
    const tier = await plan('All lessons', { fullCatalog: true })
    const gym = await plan('Gym only', undefined)
    const subscribe = async (planId: string) => {
      const { membership } = await createPerson(app.payload, { tenant: c.tenant, roles: ['member'] })
      const res = await c.owner.post('/api/subscriptions/manual', {
        tenant: c.tenant,
        member: String(membership!.id),
        plan: planId,
        priceKey: 'monthly',
        payment: { provider: 'cash' },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const [payment] = await q<{ platform_fee: string | null; creator_payout: string | null }>(
        sql`SELECT platform_fee::text AS platform_fee, creator_payout::text AS creator_payout FROM payments
            WHERE tenant_id = ${c.tenant} AND member_id = ${String(membership!.id)}`,
      )
      return payment
    }
    expect(await subscribe(tier)).toEqual({ platform_fee: '200', creator_payout: '1799' })
    expect(await subscribe(gym)).toEqual({ platform_fee: null, creator_payout: null })

    fake.clearRequests()
    const checkout = await c.member.client.post('/api/billing/checkout', {
      kind: 'plan',
      plan: tier,
      priceKey: 'monthly',
    })
    expect(checkout.status, JSON.stringify(checkout.body)).toBe(201)
    const created = fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions')
    expect(created?.account).toBe(c.account)
    expect(created?.params.subscription_data).toMatchObject({ application_fee_percent: '10' })
  })

  it('earnings are grouped by months of the tenant’s zone: a sale at 23:30 New York time on 31 March is March (April in UTC), one at 00:30 on 1 April is April, a refund at 23:59 on 30 April is April; computed in SQL', async () => {
    const c = await creator(3000)
    const sell = async () => {
      const sale = await c.owner.post('/api/orders/checkout', {
        tenant: c.tenant,
        member: c.member.id,
        lines: [{ product: c.course, quantity: 1 }],
        payment: { provider: 'cash' },
      })
      expect(sale.status, JSON.stringify(sale.body)).toBe(201)
      return { order: String(sale.body.order.id), payment: (await paymentOf(sale.body.order.id)).id }
    }
    const march = await sell()
    const april = await sell()
    await q(sql`UPDATE payments SET created_at = '2026-04-01T03:30:00Z' WHERE id = ${march.payment}`) // 31 Mar 23:30 EDT
    await q(sql`UPDATE payments SET created_at = '2026-04-01T04:30:00Z' WHERE id = ${april.payment}`) // 1 Apr 00:30 EDT
    const refund = await c.owner.post(`/api/orders/${march.order}/refund`, { amount: 1000, reason: 'Partial' })
    expect(refund.status, JSON.stringify(refund.body)).toBe(200)
    await q(sql`UPDATE payments_refunds SET at = '2026-05-01T03:59:00Z' WHERE _parent_id = ${march.payment}`) // 30 Apr 23:59 EDT

    const res = await c.owner.get(`/api/lms/earnings?from=2026-02&to=2026-05&tenant=${c.tenant}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // 30 % of 49.99 = 1500; 10.00 of 49.99 refunded gives back ⌊1500 × 1000 / 4999 + ½⌋ = 300.
    const zero = { gross: 0, platformFee: 0, refunds: 0, platformFeeReversed: 0, net: 0, payments: 0 }
    expect(res.body.months).toEqual([
      { month: '2026-02', ...zero },
      { month: '2026-03', gross: 4999, platformFee: 1500, refunds: 0, platformFeeReversed: 0, net: 3499, payments: 1 },
      {
        month: '2026-04',
        gross: 4999,
        platformFee: 1500,
        refunds: 1000,
        platformFeeReversed: 300,
        net: 2799,
        payments: 1,
      },
      { month: '2026-05', ...zero },
    ])
    expect(res.body.totals).toEqual({
      gross: 9998,
      platformFee: 3000,
      refunds: 1000,
      platformFeeReversed: 300,
      net: 6298,
      payments: 2,
    })
    const bad = await c.owner.get('/api/lms/earnings?from=2026-13&to=2026-01')
    expect(bad.status).toBe(400)
    expect((await c.owner.get('/api/lms/earnings?from=2026-05&to=2026-02')).status).toBe(400)
    expect((await c.owner.get('/api/lms/earnings?from=2020-01&to=2026-01')).status).toBe(400)
  })

  it('only the owners and admins of the tenant read its earnings: a member, a manager, another tenant’s owner (403) and a visitor (401) are refused', async () => {
    const c = await creator(3000)
    const other = await creator(3000)
    const { user: managerUser } = await createPerson(app.payload, { tenant: c.tenant, roles: ['manager'] })
    const manager = (await signIn(app, managerUser.email)).client
    const { user: adminUser } = await createPerson(app.payload, { tenant: c.tenant, roles: ['admin'] })
    const admin = (await signIn(app, adminUser.email)).client
    const path = `/api/lms/earnings?from=2026-01&to=2026-02&tenant=${c.tenant}`
    expect((await admin.get(path)).status).toBe(200)
    const refusals = await Promise.all([
      c.member.client.get(path),
      manager.get(path),
      other.owner.get(path),
      other.member.client.get(path),
      app.http().get(path),
    ])
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 401])
    expect(refusals[0].body).toMatchObject({ error: 'forbidden' })
    // Without ?tenant= the owner's only business is used; another tenant's owner sees only their own.
    const own = await other.owner.get('/api/lms/earnings?from=2026-01&to=2026-01')
    expect(own.status).toBe(200)
    expect(own.body.tenant).toBe(other.tenant)
  })
})
