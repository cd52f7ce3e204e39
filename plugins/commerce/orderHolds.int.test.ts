import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type TaskHandler } from 'payload'
import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createPerson, signIn, useTestApp } from '@/core/testing'
import { useFakeStripe } from '@/core/testing/useFakeStripe'
import { expirePendingOrdersTask } from './jobs/expirePendingOrdersTask'
import { receiptMessage } from './operations/receiptMessage'
import { releaseOrder } from './operations/releaseOrder'
import { commerceStore, runAs, type Store } from './testing/commerceStore'

// Many sign-ins from one address in this file (three per store).
process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '500'
const WEBHOOK_SECRET = 'whsec_atrium_order_holds_test'
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One run of the scheduled expiry job's handler, as a worker runs it. */
const expiryRun = async () => {
  const req = await createLocalReq({}, app.payload)
  return (expirePendingOrdersTask.handler as TaskHandler<'expirePendingOrders'>)({
    req,
    input: {} as never,
    job: {} as never,
    inlineTask: undefined as never,
    tasks: {} as never,
  })
}

/** The order's hold is over (time travel for the test: its `expires_at` moved into the past). */
const holdOver = (order: string) =>
  q(sql`UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = ${order}`)

const connectStripe = async (store: Store) => {
  const account = `acct_holds${Math.random().toString(36).slice(2, 10)}`
  await app.payload.create({
    collection: 'integration-connections',
    data: { tenant: store.tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
  })
  return account
}

/** Gift-card balances equal the sum of their transactions and no stock is below zero, for the tenant. */
const invariants = async (tenant: string) =>
  (
    await q<{ cards_off: number; negative_stock: number }>(sql`
      SELECT (SELECT count(*)::int FROM gift_cards g WHERE g.tenant_id = ${tenant}
                AND g.current_balance <> (SELECT coalesce(sum(t.amount), 0) FROM gift_card_transactions t WHERE t.gift_card_id = g.id)) AS cards_off,
             (SELECT count(*)::int FROM products WHERE tenant_id = ${tenant} AND stock_quantity < 0) AS negative_stock`)
  )[0]

const sellGiftCard = async (store: Store, amount: number) => {
  const product = await store.product({ kind: 'gift_card', price: { amount, currency: 'USD' } })
  const sold = await store.desk.client.post('/api/orders/checkout', {
    tenant: store.tenant,
    lines: [{ product: product.id, quantity: 1 }],
    payment: { provider: 'cash' },
  })
  expect(sold.status).toBe(201)
  return sold.body.giftCards[0] as { id: string; code: string }
}

describe('pending orders expire', () => {
  it("a reservation holds for the tenant's days; the expiry job cancels it once, giving stock and coupon use back", async () => {
    const store = await commerceStore(app)
    await q(sql`UPDATE tenant_settings SET commerce_reservation_hold_days = 2 WHERE tenant_id = ${store.tenant}`)
    const mat = await store.product({ price: { amount: 4500, currency: 'USD' }, stockQuantity: 5 })
    expect(
      (
        await store.owner.client.post('/api/coupons', {
          tenant: store.tenant,
          code: 'ONCE',
          type: 'fixed',
          value: 500,
          currency: 'USD',
          maxUses: 1,
        })
      ).status,
    ).toBe(201)

    const res = await store.member.client.post('/api/orders/reserve', {
      lines: [{ product: mat.id, quantity: 2 }],
      coupon: 'ONCE',
    })
    expect(res.status).toBe(201)
    const id = res.body.order.id as string
    expect(Math.abs(new Date(res.body.order.expiresAt).getTime() - (Date.now() + 2 * 86_400_000))).toBeLessThan(60_000)
    const state = async () =>
      (
        await q<{ status: string; stock: number; uses: number; redemptions: number; expired: number }>(sql`
          SELECT (SELECT status::text FROM orders WHERE id = ${id}) AS status, (SELECT stock_quantity::int FROM products WHERE id = ${mat.id}) AS stock,
                 (SELECT uses_count::int FROM coupons WHERE tenant_id = ${store.tenant}) AS uses,
                 (SELECT count(*)::int FROM coupon_redemptions WHERE order_id = ${id}) AS redemptions,
                 (SELECT count(*)::int FROM audit_logs WHERE resource_id = ${id} AND action = 'order.expired') AS expired`)
      )[0]

    await expiryRun() // not due yet: nothing happens
    expect(await state()).toEqual({ status: 'pending', stock: 3, uses: 1, redemptions: 1, expired: 0 })

    await holdOver(id)
    const runs = await Promise.all([expiryRun(), expiryRun(), expiryRun()]) // overlapping workers
    expect(runs.reduce((sum, run) => sum + Number((run as { output: { expired: number } }).output.expired), 0)).toBe(1)
    expect(await state()).toEqual({ status: 'canceled', stock: 5, uses: 0, redemptions: 0, expired: 1 })
    await expiryRun()
    expect(await state()).toEqual({ status: 'canceled', stock: 5, uses: 0, redemptions: 0, expired: 1 })
    expect((await store.desk.client.post(`/api/orders/${id}/pay`, { method: 'cash' })).body.error).toBe('not_pending')
  })

  it('desk payment racing the expiry of the same 12 orders: exactly one wins per order, stock and payments agree', async () => {
    const store = await commerceStore(app)
    const mat = await store.product({ price: { amount: 1000, currency: 'USD' }, stockQuantity: 12 })
    const ids: string[] = []
    for (let i = 0; i < 12; i++)
      ids.push(
        (await store.member.client.post('/api/orders/reserve', { lines: [{ product: mat.id, quantity: 1 }] })).body
          .order.id,
      )
    for (const id of ids) await holdOver(id)

    const outcomes = await Promise.all(
      ids.map(async (id, i) => {
        const [pay, expire] = await Promise.all([
          store.desk.client.post(`/api/orders/${id}/pay`, { method: 'cash' }),
          // staggered so that both sides win some of the races
          sleep(i * 150).then(() => runAs(app.payload, store.desk.userId, (req) => releaseOrder(req, id, 'expired'))),
        ])
        return {
          id,
          paid: pay.status === 200,
          expired: expire !== null,
          payError: pay.status === 200 ? null : pay.body.error,
        }
      }),
    )
    for (const outcome of outcomes) {
      expect(outcome.paid !== outcome.expired).toBe(true)
      if (!outcome.paid) expect(outcome.payError).toBe('not_pending')
    }
    const paid = outcomes.filter((o) => o.paid).length
    console.info(`[order holds] pay vs expire on 12 orders: ${paid} paid, ${12 - paid} expired`)
    const [row] = await q<{
      paid: number
      canceled: number
      payments: number
      stock: number
      restocked_paid: number
    }>(sql`
      SELECT (SELECT count(*)::int FROM orders WHERE tenant_id = ${store.tenant} AND status = 'paid' AND payment_id IS NOT NULL) AS paid,
             (SELECT count(*)::int FROM orders WHERE tenant_id = ${store.tenant} AND status = 'canceled' AND restocked_at IS NOT NULL) AS canceled,
             (SELECT count(*)::int FROM payments WHERE tenant_id = ${store.tenant}) AS payments,
             (SELECT stock_quantity::int FROM products WHERE id = ${mat.id}) AS stock,
             (SELECT count(*)::int FROM orders WHERE tenant_id = ${store.tenant} AND status = 'paid' AND restocked_at IS NOT NULL) AS restocked_paid`)
    expect(row).toEqual({ paid, canceled: 12 - paid, payments: paid, stock: 12 - paid, restocked_paid: 0 })
  })
})

describe('stock held during Stripe Checkout', () => {
  it('an online purchase reserves first: the last unit held by a pending Checkout is out of stock for others, the webhook settles that same order', async () => {
    const store = await commerceStore(app)
    const account = await connectStripe(store)
    const pack = await store.product({
      kind: 'credit_pack',
      price: { amount: 6000, currency: 'USD' },
      stockQuantity: 1,
      pack: { credits: 5, creditType: 'class', validityDays: 30 },
    })
    const other = await createPerson(app.payload, { tenant: store.tenant, roles: ['member'] })
    const otherClient = (await signIn(app, other.user.email)).client

    fake.clearRequests()
    const buy = await store.member.client.post('/api/orders/buy', { lines: [{ product: pack.id, quantity: 1 }] })
    expect(buy.status).toBe(201)
    const order = buy.body.order.id as string
    expect(buy.body).toMatchObject({
      order: { status: 'pending', total: 6000 },
      checkout: { id: expect.stringMatching(/^cs_/), url: expect.stringMatching(/^https:\/\//) },
    })
    const [held] = await q<{ expires_at: Date; stock: number }>(
      sql`SELECT o.expires_at, (SELECT stock_quantity::int FROM products WHERE id = ${pack.id}) AS stock FROM orders o WHERE o.id = ${order}`,
    )
    expect(held.stock).toBe(0)
    const minutes = (new Date(held.expires_at).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(30)
    expect(minutes).toBeLessThan(32)
    const call = fake.requests.find((r) => r.path === '/v1/checkout/sessions')!
    expect(call).toMatchObject({
      account,
      params: {
        mode: 'payment',
        expires_at: String(Math.floor(new Date(held.expires_at).getTime() / 1000)),
        metadata: { kind: 'ref', refCollection: 'orders', refId: order, member: store.member.membershipId },
      },
    })

    const refused = await otherClient.post('/api/orders/buy', { lines: [{ product: pack.id, quantity: 1 }] })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toBe('out_of_stock')
    expect((await otherClient.post(`/api/orders/${order}/stripe-checkout`)).status).toBe(404) // not theirs

    const paid = fake.event(
      'checkout.session.completed',
      fake.completeCheckout(account, buy.body.checkout.id) as never,
      { account },
    )
    expect(await Promise.all(Array.from({ length: 4 }, () => deliver(paid)))).toEqual([200, 200, 200, 200])
    await runJobs()
    const orders = await q<{ id: string; status: string; provider: string; lots: number }>(sql`
      SELECT o.id, o.status::text, p.provider::text, (SELECT count(*)::int FROM credit_lots l WHERE l.order_id = o.id) AS lots
      FROM orders o LEFT JOIN payments p ON p.id = o.payment_id WHERE o.tenant_id = ${store.tenant} AND o.channel = 'online'`)
    expect(orders).toEqual([{ id: order, status: 'paid', provider: 'stripe', lots: 1 }])
    expect(
      (await q<{ stock: number }>(sql`SELECT stock_quantity::int AS stock FROM products WHERE id = ${pack.id}`))[0]
        .stock,
    ).toBe(0)
  })

  it('checkout.session.expired cancels the held order once and returns its stock; a 7-day reservation sent to Stripe outlives its session; no Stripe → nothing written', async () => {
    const store = await commerceStore(app)
    const account = await connectStripe(store)
    const mat = await store.product({ price: { amount: 2500, currency: 'USD' }, stockQuantity: 1 })

    const buy = await store.member.client.post('/api/orders/buy', { lines: [{ product: mat.id, quantity: 1 }] })
    expect(buy.status).toBe(201)
    const order = buy.body.order.id as string
    const session = fake.get(account, buy.body.checkout.id)!
    const expired = fake.event('checkout.session.expired', { ...session, status: 'expired' } as never, { account })
    await holdOver(order) // Stripe expires the session when the order's hold ends
    expect(await Promise.all(Array.from({ length: 4 }, () => deliver(expired)))).toEqual([200, 200, 200, 200])
    await runJobs()
    await deliver(fake.event('checkout.session.expired', { ...session, status: 'expired' } as never, { account })) // a second event for it
    await runJobs()
    const [row] = await q<{ status: string; stock: number; expired: number }>(sql`
      SELECT (SELECT status::text FROM orders WHERE id = ${order}) AS status, (SELECT stock_quantity::int FROM products WHERE id = ${mat.id}) AS stock,
             (SELECT count(*)::int FROM audit_logs WHERE resource_id = ${order} AND action = 'order.expired') AS expired`)
    expect(row).toEqual({ status: 'canceled', stock: 1, expired: 1 })

    // A reservation (7-day hold) the desk sends to Stripe gets Stripe's own 24 h session; its expiry leaves the order pending.
    const reserved = await store.member.client.post('/api/orders/reserve', {
      lines: [{ product: mat.id, quantity: 1 }],
    })
    fake.clearRequests()
    const desk = await store.desk.client.post(`/api/orders/${reserved.body.order.id}/stripe-checkout`)
    expect(desk.status).toBe(201)
    expect(fake.requests.find((r) => r.path === '/v1/checkout/sessions')!.params.expires_at).toBeUndefined()
    await deliver(
      fake.event('checkout.session.expired', { ...fake.get(account, desk.body.id)!, status: 'expired' } as never, {
        account,
      }),
    )
    await runJobs()
    expect(
      (await q<{ status: string }>(sql`SELECT status::text FROM orders WHERE id = ${reserved.body.order.id}`))[0]
        .status,
    ).toBe('pending')

    // A reservation whose hold ends in 10 minutes: the desk's Checkout first moves the hold to Stripe's 30 minutes (+1).
    await q(sql`UPDATE orders SET expires_at = now() + interval '10 minutes' WHERE id = ${reserved.body.order.id}`)
    fake.clearRequests()
    expect((await store.desk.client.post(`/api/orders/${reserved.body.order.id}/stripe-checkout`)).status).toBe(201)
    const [moved] = await q<{ expires_at: Date }>(
      sql`SELECT expires_at FROM orders WHERE id = ${reserved.body.order.id}`,
    )
    expect((new Date(moved.expires_at).getTime() - Date.now()) / 60_000).toBeGreaterThan(30)
    expect(fake.requests.find((r) => r.path === '/v1/checkout/sessions')!.params.expires_at).toBe(
      String(Math.floor(new Date(moved.expires_at).getTime() / 1000)),
    )

    // A business without Stripe: 409 and the reservation is rolled back with it.
    const plain = await commerceStore(app)
    const tea = await plain.product({ price: { amount: 500, currency: 'USD' }, stockQuantity: 4 })
    const off = await plain.member.client.post('/api/orders/buy', { lines: [{ product: tea.id, quantity: 1 }] })
    expect(off.status).toBe(409)
    expect(off.body.error).toBe('stripe_not_configured')
    expect(
      (
        await q<{ n: number; stock: number }>(
          sql`SELECT (SELECT count(*)::int FROM orders WHERE tenant_id = ${plain.tenant}) AS n, (SELECT stock_quantity::int FROM products WHERE id = ${tea.id}) AS stock`,
        )
      )[0],
    ).toEqual({ n: 0, stock: 4 })
  })

  it('a Stripe payment racing the expiry of its order: one of them wins, never both', async () => {
    const store = await commerceStore(app)
    const account = await connectStripe(store)
    const mat = await store.product({ price: { amount: 1500, currency: 'USD' }, stockQuantity: 6 })
    const buys = []
    for (let i = 0; i < 6; i++)
      buys.push((await store.member.client.post('/api/orders/buy', { lines: [{ product: mat.id, quantity: 1 }] })).body)
    for (const buy of buys) await holdOver(buy.order.id)
    await Promise.all(
      buys.map((buy) =>
        deliver(
          fake.event('checkout.session.completed', fake.completeCheckout(account, buy.checkout.id) as never, {
            account,
          }),
        ),
      ),
    )
    await Promise.all([runJobs(), sleep(250).then(expiryRun), sleep(250).then(expiryRun)])
    await runJobs()
    const rows = await q<{ status: string; restocked: boolean; lots: number; paid_twice: number; payment: string }>(sql`
      SELECT o.status::text, o.restocked_at IS NOT NULL AS restocked,
             (SELECT count(*)::int FROM audit_logs a WHERE a.resource_id = o.id::text AND a.action = 'order.paid_twice') AS paid_twice,
             (SELECT p.status::text FROM payments p WHERE p.ref_collection = 'orders' AND p.ref_id = o.id::text AND p.provider = 'stripe') AS payment
      FROM orders o WHERE o.tenant_id = ${store.tenant}`)
    for (const row of rows) {
      // Paid: stock kept. Expired first: stock back, and the late Stripe payment is refunded automatically and audited.
      if (row.status === 'paid') expect(row).toMatchObject({ restocked: false, paid_twice: 0, payment: 'succeeded' })
      else expect(row).toMatchObject({ status: 'canceled', restocked: true, paid_twice: 1, payment: 'refunded' })
    }
    const paid = rows.filter((r) => r.status === 'paid').length
    console.info(`[order holds] Stripe payment vs expiry on 6 orders: ${paid} paid, ${6 - paid} expired`)
    expect(
      (await q<{ stock: number }>(sql`SELECT stock_quantity::int AS stock FROM products WHERE id = ${mat.id}`))[0]
        .stock,
    ).toBe(6 - paid)
  })
})

describe('gift card + Stripe at the POS', () => {
  it('a gift card covers part, Stripe the rest; the receipt shows both', async () => {
    const store = await commerceStore(app)
    const account = await connectStripe(store)
    const card = await sellGiftCard(store, 5000)
    const mat = await store.product({ price: { amount: 8000, currency: 'USD' }, stockQuantity: 3 })

    fake.clearRequests()
    const sale = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      lines: [{ product: mat.id, quantity: 1 }],
      giftCard: { code: card.code, amount: 5000 },
      payment: { provider: 'stripe' },
    })
    expect(sale.status).toBe(201)
    expect(sale.body.order).toMatchObject({ status: 'pending', subtotal: 8000, giftCardApplied: 5000, total: 3000 })
    expect(fake.requests.find((r) => r.path === '/v1/checkout/sessions')!.params).toMatchObject({
      line_items: [{ price_data: { unit_amount: '3000' } }],
    })
    expect((await store.desk.client.get(`/api/gift-cards/balance?code=${card.code}`)).body).toMatchObject({
      balance: 0,
      status: 'depleted',
    })

    await deliver(
      fake.event('checkout.session.completed', fake.completeCheckout(account, sale.body.checkout.id) as never, {
        account,
      }),
    )
    await runJobs()
    const [order] = await q<{ status: string; amount: string; gift_card_id: string }>(sql`
      SELECT o.status::text, p.amount_amount::text AS amount, o.gift_card_id FROM orders o JOIN payments p ON p.id = o.payment_id WHERE o.id = ${sale.body.order.id}`)
    expect(order).toEqual({ status: 'paid', amount: '3000', gift_card_id: card.id })
    const receipt = (await receiptMessage({ payload: app.payload, transactionID: undefined }, sale.body.order.id))!
    expect(receipt.text).toContain(`Gift card ····${card.code.slice(-4)}: −$50.00`)
    expect(receipt.text).toContain('Paid: $30.00')
    expect(receipt.text).toContain('Paid by: card (Stripe)')

    // A gift card covering everything needs no Stripe page: paid at once.
    const small = await sellGiftCard(store, 9000)
    fake.clearRequests()
    const covered = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      lines: [{ product: mat.id, quantity: 1 }],
      giftCard: { code: small.code },
      payment: { provider: 'stripe' },
    })
    expect(covered.status).toBe(201)
    expect(covered.body).toMatchObject({ order: { status: 'paid', total: 0, giftCardApplied: 8000 }, payment: null })
    expect(covered.body.checkout).toBeUndefined()
    expect(fake.requests.filter((r) => r.path === '/v1/checkout/sessions')).toHaveLength(0)
    expect(await invariants(store.tenant)).toEqual({ cards_off: 0, negative_stock: 0 })
  })

  it('the gift-card amount is held with the pending order and given back exactly once when it is canceled or expires, under concurrency', async () => {
    const store = await commerceStore(app)
    await connectStripe(store)
    const card = await sellGiftCard(store, 5000)
    const tea = await store.product({ kind: 'cafe', price: { amount: 3000, currency: 'USD' }, stockQuantity: 10 })

    const sales = await Promise.all(
      Array.from({ length: 4 }, () =>
        store.desk.client.post('/api/orders/checkout', {
          tenant: store.tenant,
          lines: [{ product: tea.id, quantity: 1 }],
          giftCard: { code: card.code, amount: 2000 },
          payment: { provider: 'stripe' },
        }),
      ),
    )
    expect(sales.filter((s) => s.status === 201)).toHaveLength(2)
    expect(sales.filter((s) => s.status === 409).map((s) => s.body.error)).toEqual([
      'gift_card_insufficient',
      'gift_card_insufficient',
    ])
    const [first, second] = sales.filter((s) => s.status === 201).map((s) => s.body.order.id as string)
    const balance = async () =>
      (
        await q<{ b: number; stock: number }>(
          sql`SELECT (SELECT current_balance::int FROM gift_cards WHERE id = ${card.id}) AS b, (SELECT stock_quantity::int FROM products WHERE id = ${tea.id}) AS stock`,
        )
      )[0]
    expect(await balance()).toEqual({ b: 1000, stock: 8 })

    // The desk cancels the first three times at once while the second expires under two overlapping job runs.
    await holdOver(second)
    const [cancels] = await Promise.all([
      Promise.all(Array.from({ length: 3 }, () => store.desk.client.post(`/api/orders/${first}/cancel`))),
      expiryRun(),
      expiryRun(),
      runAs(app.payload, store.desk.userId, (req) => releaseOrder(req, second, 'expired')),
    ])
    expect(cancels.map((c) => c.status).sort()).toEqual([200, 409, 409])
    expect(cancels.find((c) => c.status === 200)!.body).toMatchObject({
      status: 'canceled',
      giftCardReleased: 2000,
      restocked: true,
    })
    expect(await balance()).toEqual({ b: 5000, stock: 10 })
    const txns = await q<{ type: string; amount: number; n: number }>(sql`
      SELECT type::text, amount::int, count(*)::int AS n FROM gift_card_transactions WHERE gift_card_id = ${card.id} GROUP BY type, amount ORDER BY type, amount`)
    expect(txns).toEqual([
      { type: 'issue', amount: 5000, n: 1 },
      { type: 'redeem', amount: -2000, n: 2 },
      { type: 'refund', amount: 2000, n: 2 },
    ])
    expect(await invariants(store.tenant)).toEqual({ cards_off: 0, negative_stock: 0 })
    expect((await store.desk.client.get(`/api/gift-cards/balance?code=${card.code}`)).body).toMatchObject({
      balance: 5000,
      status: 'active',
    })
  })
})
