import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { useTestApp } from '@/core/testing'
import { commerceStore } from './testing/commerceStore'

const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

describe('POS checkout', () => {
  it('never sells stock below zero under concurrent sales', async () => {
    const store = await commerceStore(app)
    const towel = await store.product({ price: { amount: 1500, currency: 'USD' }, stockQuantity: 7 })
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        store.desk.client.post('/api/orders/checkout', {
          tenant: store.tenant,
          lines: [{ product: towel.id, quantity: 2 }],
          payment: { provider: 'cash' },
        }),
      ),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(9)
    expect(results.find((r) => r.status === 409)!.body.error).toBe('out_of_stock')
    const [row] = await q<{ stock_quantity: string; sold: string }>(sql`
      SELECT p.stock_quantity, (SELECT coalesce(sum(l.quantity), 0) FROM orders_lines l WHERE l.product_id = p.id) AS sold FROM products p WHERE p.id = ${towel.id}`)
    expect(Number(row.stock_quantity)).toBe(1)
    expect(Number(row.sold)).toBe(6)
    const [pays] = await q<{ n: string }>(sql`SELECT count(*) AS n FROM payments WHERE tenant_id = ${store.tenant}`)
    expect(Number(pays.n)).toBe(3)
  })

  it('snapshots prices and checks totals: subtotal − discount − gift card + tax, in SQL too', async () => {
    const store = await commerceStore(app)
    const shake = await store.product({ kind: 'cafe', price: { amount: 650, currency: 'USD' } })
    const grips = await store.product({ price: { amount: 1299, currency: 'USD' } })
    await store.owner.client.post('/api/coupons', { tenant: store.tenant, code: 'TENOFF', type: 'percent', value: 10 })
    const res = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      member: store.member.membershipId,
      lines: [
        { product: shake.id, quantity: 3 },
        { product: grips.id, quantity: 1 },
      ],
      couponCode: 'TENOFF',
      tax: 263,
      payment: { provider: 'terminal', providerRef: 'T-1' },
    })
    expect(res.status).toBe(201)
    // 3 × 650 + 1299 = 3249; 10% = 324; 3249 − 324 + 263 = 3188
    expect(res.body.order).toMatchObject({
      currency: 'USD',
      subtotal: 3249,
      discountTotal: 324,
      giftCardApplied: 0,
      tax: 263,
      total: 3188,
    })
    await store.owner.client.patch(`/api/products/${shake.id}`, { price: { amount: 999, currency: 'USD' } })
    const order = await store.desk.client.get(`/api/orders/${res.body.order.id}`)
    expect(
      order.body.lines.map((l: { unitPrice: number; total: number; discount: number }) => [
        l.unitPrice,
        l.total,
        l.discount,
      ]),
    ).toEqual([
      [650, 1950, 194],
      [1299, 1299, 130],
    ])
    const mine = await store.member.client.get(`/api/orders/${res.body.order.id}`)
    expect(mine.status).toBe(200)
    const [bad] = await q<{ n: string }>(sql`
      SELECT count(*) AS n FROM orders o WHERE o.tenant_id = ${store.tenant} AND (
        o.total <> o.subtotal - o.discount_total - o.gift_card_applied + o.tax
        OR o.subtotal <> (SELECT sum(l.total) FROM orders_lines l WHERE l._parent_id = o.id)
        OR o.discount_total <> (SELECT sum(l.discount) FROM orders_lines l WHERE l._parent_id = o.id))`)
    expect(Number(bad.n)).toBe(0)
    await expect(q(sql`UPDATE orders SET total = total + 1 WHERE id = ${res.body.order.id}`)).rejects.toThrow()
  })

  it('refunds never exceed what was paid, even concurrently, and restock once', async () => {
    const store = await commerceStore(app)
    const block = await store.product({ price: { amount: 2500, currency: 'USD' }, stockQuantity: 10 })
    const sale = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      lines: [{ product: block.id, quantity: 2 }],
      payment: { provider: 'cash' },
    })
    expect(sale.status).toBe(201)
    const id = sale.body.order.id
    const refunds = await Promise.all(
      Array.from({ length: 8 }, () =>
        store.desk.client.post(`/api/orders/${id}/refund`, { amount: 1500, reason: 'Damaged', restock: true }),
      ),
    )
    expect(refunds.filter((r) => r.status === 200)).toHaveLength(3)
    expect(refunds.filter((r) => r.status === 409).every((r) => r.body.error === 'refund_exceeds_paid')).toBe(true)
    const [row] = await q<{
      amount_refunded: string
      status: string
      p_refunded: string
      p_status: string
      refunds: string
      stock: string
    }>(sql`
      SELECT o.amount_refunded, o.status, p.amount_refunded AS p_refunded, p.status AS p_status,
        (SELECT sum(amount) FROM payments_refunds r WHERE r._parent_id = p.id) AS refunds,
        (SELECT stock_quantity FROM products WHERE id = ${block.id}) AS stock
      FROM orders o JOIN payments p ON p.id = o.payment_id WHERE o.id = ${id}`)
    expect(Number(row.amount_refunded)).toBe(4500)
    expect(row.status).toBe('partially_refunded')
    expect(Number(row.p_refunded)).toBe(4500)
    expect(Number(row.refunds)).toBe(4500)
    expect(Number(row.stock)).toBe(10)
    const rest = await store.desk.client.post(`/api/orders/${id}/refund`, { reason: 'Rest' })
    expect(rest.status).toBe(200)
    expect(rest.body).toMatchObject({ amount: 500, amountRefunded: 5000, status: 'refunded' })
    const more = await store.desk.client.post(`/api/orders/${id}/refund`, { amount: 1, reason: 'More' })
    expect(more.status).toBe(409)
  })

  it('rejects bad input with a 4xx and a specific message and writes nothing', async () => {
    const store = await commerceStore(app)
    const other = await commerceStore(app)
    const mat = await store.product({ price: { amount: 4000, currency: 'USD' }, stockQuantity: 3 })
    const off = await store.product({ isActive: false })
    const euro = await store.product({ price: { amount: 4000, currency: 'EUR' } })
    const foreign = await other.product({})
    const post = (body: Record<string, unknown>, client = store.desk.client) =>
      client.post('/api/orders/checkout', { tenant: store.tenant, payment: { provider: 'cash' }, ...body })
    const cases: [Record<string, unknown>, number, string][] = [
      [{ lines: [] }, 400, 'at least one line'],
      [{ lines: [{ product: mat.id, quantity: 0 }] }, 400, 'quantity must be at least 1'],
      [{ lines: [{ product: mat.id, quantity: 1.5 }] }, 400, 'whole number'],
      [{ lines: [{ product: mat.id, quantity: 1 }], tax: -5 }, 400, 'tax cannot be negative'],
      [{ lines: [{ product: mat.id, quantity: 1 }], payment: { provider: 'bitcoin' } }, 400, 'cash or terminal'],
      [{ lines: [{ product: mat.id, quantity: 1 }], payment: null }, 400, 'Payment of 4000 is due'],
      [{ lines: [{ product: off.id, quantity: 1 }] }, 409, 'not for sale'],
      [
        {
          lines: [
            { product: mat.id, quantity: 1 },
            { product: euro.id, quantity: 1 },
          ],
        },
        400,
        'one currency',
      ],
      [{ lines: [{ product: foreign.id, quantity: 1 }] }, 400, 'not sold here'],
      [{ lines: [{ product: mat.id, quantity: 4 }] }, 409, 'Only 3'],
      [
        { lines: [{ product: mat.id, quantity: 1 }], member: other.member.membershipId },
        400,
        'not a member of this business',
      ],
    ]
    for (const [body, status, message] of cases) {
      const res = await post(body)
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.body.message).toContain(message)
    }
    const member = await post({ lines: [{ product: mat.id, quantity: 1 }] }, store.member.client)
    expect(member.status).toBe(403)
    const outsider = await post({ lines: [{ product: mat.id, quantity: 1 }] }, other.desk.client)
    expect(outsider.status).toBe(403)
    const anonymous = await post({ lines: [{ product: mat.id, quantity: 1 }] }, app.http())
    expect(anonymous.status).toBe(401)
    const direct = await store.desk.client.post('/api/orders', {
      tenant: store.tenant,
      number: 'X-1',
      currency: 'USD',
      total: 0,
    })
    expect(direct.status).toBe(403)
    const [row] = await q<{ orders: string; payments: string; stock: string }>(sql`
      SELECT (SELECT count(*) FROM orders WHERE tenant_id = ${store.tenant}) AS orders,
             (SELECT count(*) FROM payments WHERE tenant_id = ${store.tenant}) AS payments,
             (SELECT stock_quantity FROM products WHERE id = ${mat.id}) AS stock`)
    expect(row).toEqual({ orders: '0', payments: '0', stock: '3' })
  })
})
