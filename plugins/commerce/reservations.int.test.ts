import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { createPerson, createTenant, localReqAs, useTestApp } from '@/core/testing'
import { checkout } from './operations/checkout'
import { reserveOrder } from './operations/reserveOrder'
import { commerceStore, runAs } from './testing/commerceStore'

const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

describe('reserve products now, pay at the desk', () => {
  it('20 concurrent reserves of the last 5 units → exactly 5 pending orders, stock 0, nothing paid', async () => {
    const store = await commerceStore(app)
    const mat = await store.product({ price: { amount: 4500, currency: 'USD' }, stockQuantity: 5 })
    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.member.client.post('/api/orders/reserve', { lines: [{ product: mat.id, quantity: 1 }] }),
      ),
    )
    const elapsed = Date.now() - started
    expect(results.filter((r) => r.status === 201)).toHaveLength(5)
    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.error}`)).toEqual(
      Array(15).fill('409 out_of_stock'),
    )
    console.info(`[reserve] 20 concurrent reserves of 5 units: 5 × 201 in ${elapsed} ms`)
    const [row] = await q<{ stock: number; pending: number; lines: number; payments: number }>(sql`
      SELECT (SELECT stock_quantity::int FROM products WHERE id = ${mat.id}) AS stock,
             (SELECT count(*)::int FROM orders WHERE tenant_id = ${store.tenant} AND status = 'pending' AND channel = 'online' AND member_id = ${store.member.membershipId}) AS pending,
             (SELECT coalesce(sum(l.quantity), 0)::int FROM orders_lines l WHERE l.product_id = ${mat.id}) AS lines,
             (SELECT count(*)::int FROM payments WHERE tenant_id = ${store.tenant}) AS payments`)
    expect(row).toEqual({ stock: 0, pending: 5, lines: 5, payments: 0 })
  })

  it('a reserve snapshots prices and server totals with the coupon; the desk pays once and it is fulfilled like a POS sale (pack lot, gift card)', async () => {
    const store = await commerceStore(app)
    const pack = await store.product({
      kind: 'credit_pack',
      price: { amount: 10000, currency: 'USD' },
      pack: { credits: 5, creditType: 'class', validityDays: 90 },
    })
    const card = await store.product({ kind: 'gift_card', price: { amount: 2500, currency: 'USD' } })
    expect(
      (
        await store.owner.client.post('/api/coupons', {
          tenant: store.tenant,
          code: 'WELCOME10',
          type: 'percent',
          value: 10,
          maxUses: 1,
        })
      ).status,
    ).toBe(201)

    const res = await store.member.client.post('/api/orders/reserve', {
      tenant: store.tenant,
      lines: [
        { product: pack.id, quantity: 1 },
        { product: card.id, quantity: 2 },
      ],
      coupon: 'welcome10',
    })
    expect(res.status).toBe(201)
    // 10000 + 2 × 2500 = 15000; 10% of the pack (gift cards are never discounted) = 1000.
    expect(res.body.order).toMatchObject({
      status: 'pending',
      currency: 'USD',
      subtotal: 15000,
      discountTotal: 1000,
      giftCardApplied: 0,
      tax: 0,
      total: 14000,
    })
    const id = res.body.order.id
    const [pending] = await q<{ uses: number; redemptions: number; lots: number; cards: number; payments: number }>(sql`
      SELECT (SELECT uses_count::int FROM coupons WHERE tenant_id = ${store.tenant}) AS uses,
             (SELECT count(*)::int FROM coupon_redemptions WHERE order_id = ${id}) AS redemptions,
             (SELECT count(*)::int FROM credit_lots WHERE order_id = ${id}) AS lots,
             (SELECT count(*)::int FROM gift_cards WHERE order_id = ${id}) AS cards,
             (SELECT count(*)::int FROM payments WHERE ref_id = ${id}) AS payments`)
    expect(pending).toEqual({ uses: 1, redemptions: 1, lots: 0, cards: 0, payments: 0 })
    // The one-use coupon is taken by the reservation.
    expect(
      (
        await store.member.client.post('/api/orders/reserve', {
          lines: [{ product: pack.id, quantity: 1 }],
          coupon: 'WELCOME10',
        })
      ).body.error,
    ).toBe('coupon_exhausted')

    // The member cannot settle it; bad input is refused; the desk pays it, concurrently only once.
    expect((await store.member.client.post(`/api/orders/${id}/pay`, { method: 'cash' })).status).toBe(404)
    const bad = await store.desk.client.post(`/api/orders/${id}/pay`, { method: 'bitcoin' })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('method must be cash or terminal.')
    const pays = await Promise.all(
      Array.from({ length: 4 }, () => store.desk.client.post(`/api/orders/${id}/pay`, { method: 'terminal' })),
    )
    expect(pays.filter((r) => r.status === 200)).toHaveLength(1)
    expect(pays.filter((r) => r.status === 409).every((r) => r.body.error === 'not_pending')).toBe(true)
    const paid = pays.find((r) => r.status === 200)!.body
    expect(paid.order).toMatchObject({ id, status: 'paid', total: 14000 })
    expect(paid.giftCards).toHaveLength(2)
    expect(paid.creditLots).toHaveLength(1)
    const [after] = await q<{
      status: string
      payment: string
      amount: string
      provider: string
      purpose: string
      lot: number
      cards: string
    }>(sql`
      SELECT o.status, o.payment_id AS payment, p.amount_amount AS amount, p.provider, p.purpose,
             (SELECT initial_credits::int FROM credit_lots WHERE order_id = o.id) AS lot,
             (SELECT string_agg(initial_balance::text, ',') FROM gift_cards WHERE order_id = o.id) AS cards
      FROM orders o JOIN payments p ON p.ref_id = o.id::text WHERE o.id = ${id}`)
    expect(after).toMatchObject({
      status: 'paid',
      payment: paid.payment,
      amount: '14000',
      provider: 'terminal',
      purpose: 'order',
      lot: 5,
      cards: '2500,2500',
    })
    const balance = await store.member.client.get('/api/credit-lots')
    expect(balance.body.docs.map((lot: { remainingCredits: number }) => lot.remainingCredits)).toEqual([5])
    // Refunds work on it like on a POS sale.
    expect(
      (await store.desk.client.post(`/api/orders/${id}/refund`, { amount: 1000, reason: 'Goodwill' })).body,
    ).toMatchObject({ amountRefunded: 1000, status: 'partially_refunded' })
  })

  it('staff cancel an unpaid order: stock and coupon use come back once; paid or foreign orders cannot be canceled', async () => {
    const store = await commerceStore(app)
    const block = await store.product({ price: { amount: 2000, currency: 'USD' }, stockQuantity: 3 })
    await store.owner.client.post('/api/coupons', {
      tenant: store.tenant,
      code: 'TWO',
      type: 'fixed',
      value: 500,
      currency: 'USD',
      maxUses: 5,
    })
    const res = await store.member.client.post('/api/orders/reserve', {
      lines: [{ product: block.id, quantity: 2 }],
      coupon: 'TWO',
    })
    expect(res.status).toBe(201)
    expect(res.body.order).toMatchObject({ subtotal: 4000, discountTotal: 500, total: 3500 })
    const id = res.body.order.id
    const state = async () =>
      (
        await q<{ stock: number; uses: number; redemptions: number; status: string }>(sql`
          SELECT (SELECT stock_quantity::int FROM products WHERE id = ${block.id}) AS stock,
                 (SELECT uses_count::int FROM coupons WHERE tenant_id = ${store.tenant}) AS uses,
                 (SELECT count(*)::int FROM coupon_redemptions WHERE tenant_id = ${store.tenant}) AS redemptions,
                 (SELECT status::text FROM orders WHERE id = ${id}) AS status`)
      )[0]
    expect(await state()).toEqual({ stock: 1, uses: 1, redemptions: 1, status: 'pending' })
    expect((await store.member.client.post(`/api/orders/${id}/cancel`)).status).toBe(404)
    const cancels = await Promise.all(
      Array.from({ length: 3 }, () => store.desk.client.post(`/api/orders/${id}/cancel`)),
    )
    expect(cancels.filter((r) => r.status === 200)).toHaveLength(1)
    expect(cancels.filter((r) => r.status === 409).every((r) => r.body.error === 'not_pending')).toBe(true)
    expect(await state()).toEqual({ stock: 3, uses: 0, redemptions: 0, status: 'canceled' })
    expect((await store.desk.client.post(`/api/orders/${id}/pay`, { method: 'cash' })).body.error).toBe('not_pending')

    const sale = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      lines: [{ product: block.id, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    expect((await store.desk.client.post(`/api/orders/${sale.body.order.id}/cancel`)).body.error).toBe('not_pending')
    const elsewhere = await commerceStore(app)
    expect((await elsewhere.desk.client.post(`/api/orders/${sale.body.order.id}/cancel`)).status).toBe(404)
  })

  it('refuses anonymous callers, members of other tenants, bad lines and unknown products without writing', async () => {
    const store = await commerceStore(app)
    const mat = await store.product({ stockQuantity: 2 })
    expect((await app.http().post('/api/orders/reserve', { lines: [{ product: mat.id, quantity: 1 }] })).status).toBe(
      401,
    )
    const elsewhere = await commerceStore(app)
    const stranger = await elsewhere.member.client.post('/api/orders/reserve', {
      lines: [{ product: mat.id, quantity: 1 }],
    })
    expect(stranger.status).toBe(403)
    expect(stranger.body.error).toBe('not_a_member')
    const empty = await store.member.client.post('/api/orders/reserve', { lines: [] })
    expect(empty.status).toBe(400)
    expect(empty.body.message).toContain('An order needs at least one line.')
    expect(
      (await store.member.client.post('/api/orders/reserve', { lines: [{ product: mat.id, quantity: 0 }] })).body
        .message,
    ).toContain('quantity must be at least 1.')
    expect(
      (
        await store.member.client.post('/api/orders/reserve', {
          lines: [{ product: '00000000-0000-4000-8000-000000000000', quantity: 1 }],
        })
      ).body.error,
    ).toBe('unknown_product')
    expect(
      (
        await store.member.client.post('/api/orders/reserve', {
          tenant: elsewhere.tenant,
          lines: [{ product: mat.id, quantity: 1 }],
        })
      ).body.error,
    ).toBe('not_a_member')
    const [row] = await q<{ stock: number; orders: number }>(sql`
      SELECT (SELECT stock_quantity::int FROM products WHERE id = ${mat.id}) AS stock, (SELECT count(*)::int FROM orders WHERE tenant_id IN (${store.tenant}, ${elsewhere.tenant})) AS orders`)
    expect(row).toEqual({ stock: 2, orders: 0 })
  })

  it('members read their own orders through the Local API (overrideAccess: false), not another member’s; staff read the tenant’s', async () => {
    // Local API only (sign-ins over HTTP are rate limited).
    const tenant = String((await createTenant(app.payload)).id)
    const desk = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const a = await createPerson(app.payload, { tenant, roles: ['member'] })
    const b = await createPerson(app.payload, { tenant, roles: ['member'] })
    const tea = (await app.payload.create({
      collection: 'products',
      data: { tenant, name: 'Tea', slug: 'tea', kind: 'cafe', price: { amount: 500, currency: 'USD' } } as never,
    })) as unknown as { id: string }
    const mine = await runAs(app.payload, String(a.user.id), (req) =>
      reserveOrder(req, { lines: [{ product: tea.id, quantity: 1 }] }),
    )
    const theirs = await runAs(app.payload, String(desk.user.id), (req) =>
      checkout(req, {
        tenant,
        member: String(b.membership!.id),
        lines: [{ product: tea.id, quantity: 1 }],
        payment: { provider: 'cash' },
      }),
    )
    const asA = await localReqAs(app.payload, String(a.user.id))
    const found = await app.payload.find({ collection: 'orders', req: asA, overrideAccess: false, depth: 0 })
    expect(found.docs.map((doc) => doc.id)).toEqual([mine.order.id])
    await expect(
      app.payload.findByID({ collection: 'orders', id: theirs.order.id, req: asA, overrideAccess: false, depth: 0 }),
    ).rejects.toThrow()
    await expect(
      app.payload.findByID({ collection: 'payments', id: theirs.payment!, req: asA, overrideAccess: false, depth: 0 }),
    ).rejects.toThrow()
    const asB = await localReqAs(app.payload, String(b.user.id))
    expect(
      (
        await app.payload.findByID({
          collection: 'payments',
          id: theirs.payment!,
          req: asB,
          overrideAccess: false,
          depth: 0,
        })
      ).id,
    ).toBe(theirs.payment)
    const asDesk = await localReqAs(app.payload, String(desk.user.id))
    const staff = await app.payload.find({
      collection: 'orders',
      req: asDesk,
      overrideAccess: false,
      depth: 0,
      where: { tenant: { equals: tenant } },
    })
    expect(staff.docs).toHaveLength(2)
  })
})
