import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { createPerson, createTenant, useTestApp } from '@/core/testing'
import { checkout } from './operations/checkout'
import { quoteOrder } from './operations/quoteOrder'
import { commerceStore, runAs } from './testing/commerceStore'

const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

describe('automatic discounts and the tax engine (one pricing code)', () => {
  it('applies the best matching automatic discount only (quote, checkout, reserve), a code replaces it, and an exhausted or not-started one is skipped', async () => {
    const store = await commerceStore(app)
    const pack = await store.product({
      kind: 'credit_pack',
      price: { amount: 10000, currency: 'USD' },
      pack: { credits: 5, creditType: 'class' },
    })
    const tea = await store.product({ kind: 'cafe', price: { amount: 1000, currency: 'USD' } })
    const coupon = async (data: Record<string, unknown>) => {
      const res = await store.owner.client.post('/api/coupons', { tenant: store.tenant, type: 'percent', ...data })
      expect(res.status).toBe(201)
      return res.body.doc as { id: string }
    }
    const tenPercent = await coupon({ code: 'AUTO10', mode: 'automatic', value: 10 })
    const packs15 = await coupon({
      code: 'PACKS15',
      mode: 'automatic',
      type: 'fixed',
      value: 1500,
      currency: 'USD',
      maxUses: 1,
      appliesTo: { kinds: ['credit_pack'] },
    })
    await coupon({
      code: 'LATER50',
      mode: 'automatic',
      value: 50,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    await coupon({ code: 'STAFF5', value: 5 })
    const cart = {
      tenant: store.tenant,
      member: store.member.membershipId,
      lines: [
        { product: pack.id, quantity: 1 },
        { product: tea.id, quantity: 1 },
      ],
    }

    // 10 % of 11000 = 1100 < 1500 off the pack: the fixed one wins; LATER50 has not started.
    const quote = await store.desk.client.post('/api/orders/quote', cart)
    expect(quote.status).toBe(200)
    expect(quote.body.quote).toMatchObject({
      subtotal: 11000,
      discountTotal: 1500,
      total: 9500,
      discount: { coupon: packs15.id, code: 'PACKS15', automatic: true, amount: 1500 },
    })
    expect(quote.body.quote.lines.map((l: { discount: number }) => l.discount)).toEqual([1500, 0])
    const sale = await store.desk.client.post('/api/orders/checkout', { ...cart, payment: { provider: 'cash' } })
    expect(sale.status).toBe(201)
    expect(sale.body).toMatchObject({
      order: { discountTotal: 1500, total: 9500 },
      discount: { code: 'PACKS15', automatic: true },
    })
    // PACKS15 is used up: the next sale gets the best remaining one (10 %), a member's reserve too.
    const next = await store.member.client.post('/api/orders/reserve', { lines: cart.lines })
    expect(next.body).toMatchObject({
      order: { discountTotal: 1100, total: 9900 },
      discount: { coupon: tenPercent.id, automatic: true, amount: 1100 },
    })
    // A code replaces the automatic discount (no stacking).
    const coded = await store.desk.client.post('/api/orders/checkout', {
      ...cart,
      couponCode: 'STAFF5',
      payment: { provider: 'cash' },
    })
    expect(coded.body).toMatchObject({
      order: { discountTotal: 550, total: 10450 },
      discount: { code: 'STAFF5', automatic: false },
    })
    const uses = await q<{ code: string; uses_count: number; redemptions: number }>(sql`
      SELECT c.code, c.uses_count::int, (SELECT count(*)::int FROM coupon_redemptions r WHERE r.coupon_id = c.id) AS redemptions FROM coupons c WHERE c.tenant_id = ${store.tenant} ORDER BY c.code`)
    expect(uses).toEqual([
      { code: 'AUTO10', uses_count: 1, redemptions: 1 },
      { code: 'LATER50', uses_count: 0, redemptions: 0 },
      { code: 'PACKS15', uses_count: 1, redemptions: 1 },
      { code: 'STAFF5', uses_count: 1, redemptions: 1 },
    ])
  })

  it('computes exclusive tax per line after discounts (gift cards untaxed) and reports inclusive tax without moving the total; total = lines − discounts − gift card + tax holds in SQL', async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const desk = String((await createPerson(app.payload, { tenant, roles: ['front_desk'] })).user.id)
    const member = String((await createPerson(app.payload, { tenant, roles: ['member'] })).membership!.id)
    const product = async (data: Record<string, unknown>) =>
      (await app.payload.create({
        collection: 'products',
        data: { tenant, slug: `p-${Math.random().toString(36).slice(2, 8)}`, name: 'Item', ...data } as never,
      })) as unknown as { id: string }
    const pack = await product({
      kind: 'credit_pack',
      price: { amount: 10000, currency: 'USD' },
      pack: { credits: 5, creditType: 'class' },
    })
    const tea = await product({ kind: 'cafe', price: { amount: 1000, currency: 'USD' } })
    const card = await product({ kind: 'gift_card', price: { amount: 2500, currency: 'USD' } })
    const mat = await product({ kind: 'retail', price: { amount: 12000, currency: 'USD' } })
    await app.payload.create({
      collection: 'coupons',
      data: { tenant, code: 'TEN', type: 'percent', value: 10 } as never,
    })
    await app.payload.create({
      collection: 'tax-rates',
      data: { tenant, name: 'Sales tax', rateBps: 825, mode: 'exclusive', kinds: ['credit_pack', 'cafe'] } as never,
    })
    await app.payload.create({
      collection: 'tax-rates',
      data: { tenant, name: 'VAT', rateBps: 2000, mode: 'inclusive', kinds: ['retail'] } as never,
    })

    const cart = {
      tenant,
      member,
      lines: [
        { product: tea.id, quantity: 3 },
        { product: card.id, quantity: 1 },
        { product: pack.id, quantity: 1 },
      ],
      couponCode: 'TEN',
    }
    // subtotal 3000 + 2500 + 10000 = 15500; 10 % of the non-gift-card lines (13000) = 1300 (tea 300, pack 1000);
    // tax: round(2700 × 8.25 %) = 223 + round(9000 × 8.25 %) = 743 → 966; total 15500 − 1300 + 966 = 15166.
    const { quote } = await runAs(app.payload, desk, (req) => quoteOrder(req, cart))
    expect(quote).toMatchObject({ subtotal: 15500, discountTotal: 1300, tax: 966, taxIncluded: 0, total: 15166 })
    const sale = await runAs(app.payload, desk, (req) => checkout(req, { ...cart, payment: { provider: 'terminal' } }))
    expect(sale.order).toMatchObject({ subtotal: 15500, discountTotal: 1300, tax: 966, total: 15166 })
    await expect(
      runAs(app.payload, desk, (req) => checkout(req, { ...cart, tax: 100, payment: { provider: 'cash' } })),
    ).rejects.toMatchObject({ code: 'tax_computed' })

    // Inclusive: 12000 contains 12000 − round(12000 / 1.2) = 2000 of VAT; the total stays 12000.
    const inclusive = await runAs(app.payload, desk, (req) =>
      checkout(req, { tenant, lines: [{ product: mat.id, quantity: 1 }], payment: { provider: 'cash' } }),
    )
    expect(inclusive.order).toMatchObject({ subtotal: 12000, tax: 0, total: 12000 })
    expect(inclusive.taxIncluded).toBe(2000)
    const [row] = await q<{ tax_included: string; payment: string }>(
      sql`SELECT o.tax_included, p.amount_amount AS payment FROM orders o JOIN payments p ON p.id = o.payment_id WHERE o.id = ${inclusive.order.id}`,
    )
    expect(row).toEqual({ tax_included: '2000', payment: '12000' })
    const [bad] = await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM orders o WHERE o.tenant_id = ${tenant} AND (o.total <> o.subtotal - o.discount_total - o.gift_card_applied + o.tax
        OR o.subtotal <> (SELECT sum(l.total) FROM orders_lines l WHERE l._parent_id = o.id))`)
    expect(bad.n).toBe(0)
    const [paid] = await q<{ total: string; payments: string }>(sql`
      SELECT (SELECT sum(total)::text FROM orders WHERE tenant_id = ${tenant}) AS total, (SELECT sum(amount_amount)::text FROM payments WHERE tenant_id = ${tenant}) AS payments`)
    expect(paid).toEqual({ total: String(15166 + 12000), payments: String(15166 + 12000) })
  })
})
