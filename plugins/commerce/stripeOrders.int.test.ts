import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type PayloadRequest } from 'payload'
import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { runSql, type EventOf } from '@/core'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import { useFakeStripe } from '@/core/testing/useFakeStripe'
import { expirePendingOrdersTask } from './jobs/expirePendingOrdersTask'
import { recordStripeOrder } from './operations/recordStripeOrder'

const WEBHOOK_SECRET = 'whsec_atrium_commerce_test'
const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)
const fake = useFakeStripe(WEBHOOK_SECRET)

const deliver = async (event: Stripe.Event) => (await fake.deliver(app.baseUrl, event)).status

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

describe('Stripe purchases of commerce orders', () => {
  it('an online purchase of a pack (POST /api/orders/buy), its completed session delivered 5× concurrently, is paid once: one payment, one credit lot, stock taken once; a replayed payment.checkout_completed changes nothing; a gift card bought online is issued once', async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const account = `acct_commerce${Math.random().toString(36).slice(2, 10)}`
    await app.payload.create({
      collection: 'integration-connections',
      data: { tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
    })
    const pack = (await app.payload.create({
      collection: 'products',
      data: {
        tenant,
        name: '5 classes',
        slug: 'five',
        kind: 'credit_pack',
        price: { amount: 6000, currency: 'USD' },
        stockQuantity: 10,
        pack: { credits: 5, creditType: 'class', validityDays: 60 },
      } as never,
    })) as unknown as { id: string }
    const card = (await app.payload.create({
      collection: 'products',
      data: {
        tenant,
        name: 'Gift card',
        slug: 'gift',
        kind: 'gift_card',
        price: { amount: 2500, currency: 'USD' },
      } as never,
    })) as unknown as { id: string }
    const { user, membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
    const member = String(membership!.id)
    const { client } = await signIn(app, user.email)

    const buy = await client.post('/api/orders/buy', { lines: [{ product: pack.id, quantity: 2 }] })
    expect(buy.status).toBe(201)
    expect(buy.body.order).toMatchObject({ status: 'pending', total: 12000 })
    const session = fake.completeCheckout(account, buy.body.checkout.id)
    const event = fake.event('checkout.session.completed', session as never, { account })
    expect(await Promise.all(Array.from({ length: 5 }, () => deliver(event)))).toEqual([200, 200, 200, 200, 200])
    await runJobs()

    const orders = await q<{
      id: string
      status: string
      channel: string
      total: string
      payment_id: string
      stripe_payment_intent_id: string
      member_id: string
    }>(
      sql`SELECT id, status, channel, total, payment_id, stripe_payment_intent_id, member_id FROM orders WHERE tenant_id = ${tenant}`,
    )
    expect(orders).toHaveLength(1)
    const [order] = orders
    expect(order).toMatchObject({
      id: buy.body.order.id,
      status: 'paid',
      channel: 'online',
      total: '12000',
      stripe_payment_intent_id: session.payment_intent,
      member_id: member,
    })
    const [row] = await q<{
      payments: number
      payment: string
      lines: string
      lots: string
      ledger: string
      stock: number
    }>(sql`
      SELECT (SELECT count(*)::int FROM payments WHERE tenant_id = ${tenant}) AS payments,
             (SELECT id::text FROM payments WHERE tenant_id = ${tenant} AND provider = 'stripe') AS payment,
             (SELECT string_agg(quantity || 'x' || unit_price || '=' || total, ',') FROM orders_lines WHERE _parent_id = ${order.id}) AS lines,
             (SELECT string_agg(initial_credits::text, ',') FROM credit_lots WHERE order_id = ${order.id}) AS lots,
             (SELECT sum(amount)::text FROM credit_ledger WHERE member_id = ${member}) AS ledger,
             (SELECT stock_quantity::int FROM products WHERE id = ${pack.id}) AS stock`)
    expect(row).toEqual({
      payments: 1,
      payment: order.payment_id,
      lines: '2x6000=12000',
      lots: '10',
      ledger: '10',
      stock: 8,
    })

    // The same payment.checkout_completed handled 5 more times at once (at-least-once delivery) → still one paid order, one lot.
    const replay: EventOf<'payment.checkout_completed'> = {
      id: 'replayed',
      type: 'payment.checkout_completed',
      version: 1,
      tenant,
      occurredAt: new Date().toISOString(),
      actor: null,
      subject: { collection: 'payments', id: order.payment_id },
      data: {
        amount: { amount: 12000, currency: 'USD' },
        provider: 'stripe',
        member,
        ref: { collection: 'orders', id: order.id },
        checkoutSession: String(session.id),
        providerRef: session.payment_intent as string,
      },
    }
    await Promise.all(
      Array.from({ length: 5 }, async () => recordStripeOrder(replay, { req: await createLocalReq({}, app.payload) })),
    )
    const [again] = await q<{ orders: number; lots: number; stock: number; refunds: number }>(sql`
      SELECT (SELECT count(*)::int FROM orders WHERE tenant_id = ${tenant}) AS orders, (SELECT count(*)::int FROM credit_lots WHERE member_id = ${member}) AS lots,
             (SELECT stock_quantity::int FROM products WHERE id = ${pack.id}) AS stock, (SELECT count(*)::int FROM payments_refunds WHERE _parent_id = ${order.payment_id}) AS refunds`)
    expect(again).toEqual({ orders: 1, lots: 1, stock: 8, refunds: 0 })
    // A pending order whose payment nobody has applied yet, handled 5 times at once → paid exactly once.
    const second = await client.post('/api/orders/buy', { lines: [{ product: pack.id, quantity: 1 }] })
    expect(second.status).toBe(201)
    const fresh = (await app.payload.create({
      collection: 'payments',
      data: {
        tenant,
        member,
        purpose: 'order',
        refCollection: 'orders',
        refId: second.body.order.id,
        provider: 'stripe',
        amount: { amount: 6000, currency: 'USD' },
        amountRefunded: 0,
        status: 'succeeded',
        providerRef: 'pi_fresh_race',
      },
    })) as unknown as { id: string }
    const raced = {
      ...replay,
      subject: { collection: 'payments', id: String(fresh.id) },
      data: {
        ...replay.data,
        amount: { amount: 6000, currency: 'USD' },
        ref: { collection: 'orders', id: second.body.order.id },
        providerRef: 'pi_fresh_race',
      },
    }
    await Promise.all(
      Array.from({ length: 5 }, async () => recordStripeOrder(raced, { req: await createLocalReq({}, app.payload) })),
    )
    const [race] = await q<{ paid: number; lots: number; stock: number }>(sql`
      SELECT (SELECT count(*)::int FROM orders WHERE payment_id = ${fresh.id} AND status = 'paid') AS paid, (SELECT count(*)::int FROM credit_lots WHERE member_id = ${member}) AS lots,
             (SELECT stock_quantity::int FROM products WHERE id = ${pack.id}) AS stock`)
    expect(race).toEqual({ paid: 1, lots: 2, stock: 7 })

    // A gift card bought online is issued once; the member sees the three orders.
    const gift = await client.post('/api/orders/buy', { lines: [{ product: card.id, quantity: 1 }] })
    expect(gift.status).toBe(201)
    const giftEvent = fake.event(
      'checkout.session.completed',
      fake.completeCheckout(account, gift.body.checkout.id) as never,
      { account },
    )
    await Promise.all(Array.from({ length: 5 }, () => deliver(giftEvent)))
    await runJobs()
    const cards = await q<{ initial_balance: string; current_balance: string; order_id: string }>(
      sql`SELECT g.initial_balance, g.current_balance, g.order_id FROM gift_cards g JOIN orders o ON o.id = g.order_id WHERE o.tenant_id = ${tenant}`,
    )
    expect(cards).toEqual([{ initial_balance: '2500', current_balance: '2500', order_id: gift.body.order.id }])
    const mine = await client.get('/api/orders')
    expect(mine.body.docs).toHaveLength(3)
  })

  it('charge.refunded mirrors refunds made in Stripe onto the payment and the order once (5 concurrent deliveries, redelivery, out of order); our own desk refunds are not counted twice', async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const account = `acct_refunds${Math.random().toString(36).slice(2, 10)}`
    await app.payload.create({
      collection: 'integration-connections',
      data: { tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
    })
    const mat = (await app.payload.create({
      collection: 'products',
      data: { tenant, name: 'Mat', slug: 'mat', kind: 'retail', price: { amount: 4000, currency: 'USD' } } as never,
    })) as unknown as { id: string }
    const { user } = await createPerson(app.payload, { tenant, roles: ['member'] })
    const desk = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const { client } = await signIn(app, user.email)
    const { client: deskClient } = await signIn(app, desk.user.email)
    const buy = async () => {
      const session = fake.completeCheckout(
        account,
        (await client.post('/api/orders/buy', { lines: [{ product: mat.id, quantity: 1 }] })).body.checkout.id,
      )
      expect(await deliver(fake.event('checkout.session.completed', session as never, { account }))).toBe(200)
      await runJobs()
      const [order] = await q<{ id: string; payment_id: string }>(
        sql`SELECT id, payment_id FROM orders WHERE stripe_payment_intent_id = ${session.payment_intent}`,
      )
      return { ...order, intent: session.payment_intent as string }
    }
    const state = async (payment: string) =>
      (
        await q<{
          p_refunded: string
          p_status: string
          refunds: string | null
          o_refunded: string
          o_status: string
        }>(sql`
          SELECT p.amount_refunded AS p_refunded, p.status AS p_status, o.amount_refunded AS o_refunded, o.status AS o_status,
                 (SELECT string_agg(r.amount || ':' || coalesce(r.provider_refund_id, '-'), ',' ORDER BY r._order) FROM payments_refunds r WHERE r._parent_id = p.id) AS refunds
          FROM payments p JOIN orders o ON o.payment_id = p.id WHERE p.id = ${payment}`)
      )[0]

    const first = await buy()
    fake.clearRequests()
    const charge = fake.refundInDashboard(account, first.intent, 1500)
    const refunded = fake.event('charge.refunded', charge as never, { account })
    expect(await Promise.all(Array.from({ length: 5 }, () => deliver(refunded)))).toEqual([200, 200, 200, 200, 200])
    await runJobs()
    const once = await state(first.payment_id)
    expect(once).toMatchObject({
      p_refunded: '1500',
      p_status: 'partially_refunded',
      o_refunded: '1500',
      o_status: 'partially_refunded',
    })
    expect(once.refunds).toMatch(/^1500:re_/)
    // The rest refunded in Stripe; the older event arrives again afterwards (another event id) → the same end state.
    const rest = fake.event('charge.refunded', fake.refundInDashboard(account, first.intent, 2500) as never, {
      account,
    })
    await deliver(rest)
    await deliver(fake.event('charge.refunded', charge as never, { account }))
    await runJobs()
    const full = await state(first.payment_id)
    expect(full).toMatchObject({ p_refunded: '4000', p_status: 'refunded', o_refunded: '4000', o_status: 'refunded' })
    expect(full.refunds!.split(',')).toHaveLength(2)
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')).toHaveLength(0)

    // A desk refund is sent to Stripe once; Stripe's charge.refunded for it adds nothing.
    const second = await buy()
    const desk500 = await deskClient.post(`/api/orders/${second.id}/refund`, { amount: 500, reason: 'Scratched' })
    expect(desk500.status).toBe(200)
    await runJobs()
    expect(
      fake.requests
        .filter((r) => r.method === 'POST' && r.path === '/v1/refunds')
        .map((r) => [r.params.payment_intent, r.params.amount]),
    ).toEqual([[second.intent, '500']])
    await deliver(
      fake.event(
        'charge.refunded',
        {
          id: `ch_for_${second.intent}`,
          object: 'charge',
          payment_intent: second.intent,
          amount_refunded: 500,
          refunded: false,
        } as never,
        { account },
      ),
    )
    await runJobs()
    expect(await state(second.payment_id)).toMatchObject({
      p_refunded: '500',
      p_status: 'partially_refunded',
      o_refunded: '500',
      o_status: 'partially_refunded',
    })
  })

  it('Stripe at the POS: a till sale or a reserved order gets a Checkout page for its total and is settled and fulfilled once by the webhook', async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const account = `acct_pos${Math.random().toString(36).slice(2, 10)}`
    await app.payload.create({
      collection: 'integration-connections',
      data: { tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
    })
    const pack = (await app.payload.create({
      collection: 'products',
      data: {
        tenant,
        name: '10 classes',
        slug: 'ten',
        kind: 'credit_pack',
        price: { amount: 11000, currency: 'USD' },
        stockQuantity: 5,
        pack: { credits: 10, creditType: 'class' },
      } as never,
    })) as unknown as { id: string }
    const { user, membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
    const member = String(membership!.id)
    const desk = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const { client: deskClient } = await signIn(app, desk.user.email)
    const { client } = await signIn(app, user.email)

    fake.clearRequests()
    const till = await deskClient.post('/api/orders/checkout', {
      tenant,
      member,
      lines: [{ product: pack.id, quantity: 1 }],
      payment: { provider: 'stripe' },
    })
    expect(till.status).toBe(201)
    expect(till.body).toMatchObject({ order: { status: 'pending', total: 11000 }, payment: null, creditLots: [] })
    expect(till.body.checkout.url).toMatch(/^https:\/\//)
    const session = fake.requests.find((r) => r.path === '/v1/checkout/sessions')!
    expect(session).toMatchObject({
      account,
      idempotencyKey: expect.stringMatching(
        new RegExp(`^atrium:pos-checkout:orders:${till.body.order.id}:11000:\\d+$`),
      ),
      params: {
        mode: 'payment',
        metadata: { kind: 'ref', refCollection: 'orders', refId: till.body.order.id, member },
      },
    })
    expect(
      (
        await deskClient.post('/api/orders/quote', {
          tenant,
          member,
          lines: [{ product: pack.id, quantity: 1 }],
          payment: { provider: 'stripe' },
        })
      ).body.quote.total,
    ).toBe(11000)
    expect(fake.requests.filter((r) => r.path === '/v1/checkout/sessions')).toHaveLength(1)

    const reserved = await client.post('/api/orders/reserve', { lines: [{ product: pack.id, quantity: 1 }] })
    const online = await deskClient.post(`/api/orders/${reserved.body.order.id}/stripe-checkout`)
    expect(online.status).toBe(201)
    expect((await client.post(`/api/orders/${reserved.body.order.id}/stripe-checkout`)).status).toBe(404)

    for (const id of [till.body.checkout.id, online.body.id]) {
      const event = fake.event('checkout.session.completed', fake.completeCheckout(account, id) as never, { account })
      await Promise.all(Array.from({ length: 5 }, () => deliver(event)))
    }
    await runJobs()
    const orders = await q<{
      id: string
      status: string
      provider: string
      amount: string
      ref: string
      lots: number
    }>(sql`
      SELECT o.id, o.status, p.provider, p.amount_amount AS amount, p.ref_id AS ref, (SELECT count(*)::int FROM credit_lots l WHERE l.order_id = o.id) AS lots
      FROM orders o JOIN payments p ON p.id = o.payment_id WHERE o.tenant_id = ${tenant} ORDER BY o.created_at`)
    expect(orders).toEqual([
      { id: till.body.order.id, status: 'paid', provider: 'stripe', amount: '11000', ref: till.body.order.id, lots: 1 },
      {
        id: reserved.body.order.id,
        status: 'paid',
        provider: 'stripe',
        amount: '11000',
        ref: reserved.body.order.id,
        lots: 1,
      },
    ])
    const [sums] = await q<{ payments: number; stock: number; credits: string }>(sql`
      SELECT (SELECT count(*)::int FROM payments WHERE tenant_id = ${tenant}) AS payments, (SELECT stock_quantity::int FROM products WHERE id = ${pack.id}) AS stock,
             (SELECT sum(amount)::text FROM credit_ledger WHERE member_id = ${member}) AS credits`)
    expect(sums).toEqual({ payments: 2, stock: 3, credits: '20' })
    expect((await deskClient.post(`/api/orders/${till.body.order.id}/pay`, { method: 'cash' })).body.error).toBe(
      'not_pending',
    )
    expect((await deskClient.post(`/api/orders/${till.body.order.id}/stripe-checkout`)).body.error).toBe('not_pending')
  })
  it('a Stripe payment that arrives after its order expired, or after the desk settled it, is refunded on Stripe automatically once (after commit, idempotency key) and audited; the order stays as it was', async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const account = `acct_late${Math.random().toString(36).slice(2, 10)}`
    await app.payload.create({
      collection: 'integration-connections',
      data: { tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
    })
    const mat = (await app.payload.create({
      collection: 'products',
      data: {
        tenant,
        name: 'Mat',
        slug: 'mat',
        kind: 'retail',
        price: { amount: 1500, currency: 'USD' },
        stockQuantity: 3,
      } as never,
    })) as unknown as { id: string }
    const { user } = await createPerson(app.payload, { tenant, roles: ['member'] })
    const desk = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const { client } = await signIn(app, user.email)
    const { client: deskClient } = await signIn(app, desk.user.email)
    const refundCalls = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')
    const stateOf = async (order: string, intent: string) =>
      (
        await q<{
          order: string
          restocked: boolean
          stock: number
          status: string
          refunded: string
          refunds: string | null
          audited: number
          audit_refunded: string | null
        }>(sql`
          SELECT o.status::text AS order, o.restocked_at IS NOT NULL AS restocked, (SELECT stock_quantity::int FROM products WHERE id = ${mat.id}) AS stock,
                 p.status::text AS status, p.amount_refunded::text AS refunded,
                 (SELECT string_agg(r.amount || ':' || coalesce(r.provider_refund_id, '-'), ',') FROM payments_refunds r WHERE r._parent_id = p.id) AS refunds,
                 (SELECT count(*)::int FROM audit_logs a WHERE a.resource_id = o.id::text AND a.action = 'order.paid_twice') AS audited,
                 (SELECT a.after->>'refunded' FROM audit_logs a WHERE a.resource_id = o.id::text AND a.action = 'order.paid_twice' LIMIT 1) AS audit_refunded
          FROM orders o, payments p WHERE o.id = ${order} AND p.provider = 'stripe' AND p.provider_ref = ${intent}`)
      )[0]

    // The hold ends and the expiry job cancels the order (stock back) before Stripe's payment arrives.
    const late = await client.post('/api/orders/buy', { lines: [{ product: mat.id, quantity: 1 }] })
    expect(late.status).toBe(201)
    await q(sql`UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = ${late.body.order.id}`)
    const expiry = await (
      expirePendingOrdersTask.handler as (args: { req: PayloadRequest; input: unknown }) => Promise<unknown>
    )({ req: await createLocalReq({}, app.payload), input: {} })
    expect((expiry as { output: { expired: number } }).output.expired).toBe(1)
    fake.clearRequests()
    const session = fake.completeCheckout(account, late.body.checkout.id)
    const event = fake.event('checkout.session.completed', session as never, { account })
    expect(await Promise.all(Array.from({ length: 5 }, () => deliver(event)))).toEqual([200, 200, 200, 200, 200])
    await runJobs()
    await deliver(fake.event('checkout.session.completed', session as never, { account })) // Stripe sends it again under another event id
    await runJobs()
    const state = await stateOf(late.body.order.id, session.payment_intent as string)
    expect(state).toMatchObject({
      order: 'canceled',
      restocked: true,
      stock: 3,
      status: 'refunded',
      refunded: '1500',
      audited: 1,
      audit_refunded: '1500',
    })
    expect(state.refunds).toMatch(/^1500:re_[0-9a-f]+$/) // the Stripe refund id written back after the call
    const [payment] = await q<{ id: string }>(
      sql`SELECT id FROM payments WHERE provider_ref = ${session.payment_intent}`,
    )
    expect(refundCalls().map((r) => [r.account, r.params.payment_intent, r.params.amount, r.params.metadata])).toEqual([
      [account, session.payment_intent, '1500', expect.objectContaining({ payment: payment.id })],
    ])
    expect(refundCalls()[0].idempotencyKey).toMatch(new RegExp(`^atrium:refund:${payment.id}:[0-9a-f-]{36}$`))

    // The desk took cash while the member's Checkout was still open; the member then pays on Stripe too.
    const both = await client.post('/api/orders/buy', { lines: [{ product: mat.id, quantity: 1 }] })
    expect((await deskClient.post(`/api/orders/${both.body.order.id}/pay`, { method: 'cash' })).status).toBe(200)
    fake.clearRequests()
    const twice = fake.completeCheckout(account, both.body.checkout.id)
    await Promise.all(
      Array.from({ length: 3 }, () => deliver(fake.event('checkout.session.completed', twice as never, { account }))),
    )
    await runJobs()
    expect(await stateOf(both.body.order.id, twice.payment_intent as string)).toMatchObject({
      order: 'paid',
      restocked: false,
      stock: 2,
      status: 'refunded',
      refunded: '1500',
      audited: 1,
    })
    const [cash] = await q<{ provider: string; status: string }>(
      sql`SELECT p.provider::text, p.status::text FROM payments p JOIN orders o ON o.payment_id = p.id WHERE o.id = ${both.body.order.id}`,
    )
    expect(cash).toEqual({ provider: 'cash', status: 'succeeded' })
    expect(refundCalls().map((r) => [r.params.payment_intent, r.params.amount])).toEqual([
      [twice.payment_intent, '1500'],
    ])
  })
})
