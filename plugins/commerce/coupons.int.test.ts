import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { useTestApp } from '@/core/testing'
import { checkout } from './operations/checkout'
import { commerceStore, runAs } from './testing/commerceStore'

const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

describe('coupons', () => {
  it('with 100 max uses tried 500 times at once over HTTP give exactly 100 redemptions', async () => {
    const store = await commerceStore(app)
    const water = await store.product({ kind: 'cafe', price: { amount: 300, currency: 'USD' } })
    const made = await store.owner.client.post('/api/coupons', {
      tenant: store.tenant,
      code: 'HTTP100',
      type: 'fixed',
      value: 100,
      currency: 'USD',
      maxUses: 100,
    })
    expect(made.status).toBe(201)
    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: 500 }, () =>
        store.desk.client.post('/api/orders/checkout', {
          tenant: store.tenant,
          lines: [{ product: water.id, quantity: 1 }],
          couponCode: 'HTTP100',
          payment: { provider: 'cash' },
        }),
      ),
    )
    const elapsed = Date.now() - started
    const statuses = results.map((r) => r.status)
    console.info(
      `[coupons] 500 concurrent HTTP checkouts: ${statuses.filter((s) => s === 201).length} × 201, ${statuses.filter((s) => s === 409).length} × 409 in ${elapsed} ms`,
    )
    expect(statuses.filter((s) => s === 201)).toHaveLength(100)
    expect(statuses.filter((s) => s === 409)).toHaveLength(400)
    const [row] = await q<{ uses: string; redemptions: string }>(sql`
      SELECT c.uses_count AS uses, (SELECT count(*) FROM coupon_redemptions r WHERE r.coupon_id = c.id) AS redemptions
      FROM coupons c WHERE c.tenant_id = ${store.tenant} AND c.code = 'HTTP100'`)
    expect([Number(row.uses), Number(row.redemptions)]).toEqual([100, 100])
    // Nothing half-written by the 400 refusals: 100 orders, 100 payments, each payment on an order.
    const [rest] = await q<{ orders: string; payments: string; orphans: string }>(sql`
      SELECT (SELECT count(*) FROM orders WHERE tenant_id = ${store.tenant}) AS orders,
             (SELECT count(*) FROM payments WHERE tenant_id = ${store.tenant}) AS payments,
             (SELECT count(*) FROM payments p WHERE p.tenant_id = ${store.tenant} AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.payment_id = p.id)) AS orphans`)
    expect(rest).toEqual({ orders: '100', payments: '100', orphans: '0' })
  }, 120_000)

  it('the same race through the operation: 300 concurrent Local API checkouts, one transaction each, on 25 uses', async () => {
    const store = await commerceStore(app)
    const water = await store.product({ kind: 'cafe', price: { amount: 300, currency: 'USD' } })
    await store.owner.client.post('/api/coupons', {
      tenant: store.tenant,
      code: 'LOCAL25',
      type: 'percent',
      value: 50,
      maxUses: 25,
    })
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, () =>
        runAs(app.payload, store.desk.userId, (req) =>
          checkout(req, {
            tenant: store.tenant,
            lines: [{ product: water.id, quantity: 1 }],
            couponCode: 'local25',
            payment: { provider: 'cash' },
          }),
        ),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(25)
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    expect(new Set(refused.map((r) => (r.reason as { code?: string }).code))).toEqual(new Set(['coupon_exhausted']))
    const [row] = await q<{ uses: string; discounted: string }>(sql`
      SELECT c.uses_count AS uses, (SELECT sum(amount_discounted) FROM coupon_redemptions r WHERE r.coupon_id = c.id) AS discounted
      FROM coupons c WHERE c.tenant_id = ${store.tenant} AND c.code = 'LOCAL25'`)
    expect([Number(row.uses), Number(row.discounted)]).toEqual([25, 25 * 150])
  }, 60_000)

  it('enforce per-member limits, dates and scope; staff cannot set usesCount', async () => {
    const store = await commerceStore(app)
    const mat = await store.product({ price: { amount: 4000, currency: 'USD' } })
    const tea = await store.product({ kind: 'cafe', price: { amount: 500, currency: 'USD' } })
    const create = (data: Record<string, unknown>) =>
      store.owner.client.post('/api/coupons', { tenant: store.tenant, ...data })
    const once = await create({
      code: 'ONCE',
      type: 'fixed',
      value: 1000,
      currency: 'USD',
      perMemberLimit: 1,
      usesCount: 99,
    })
    expect(once.status).toBe(201)
    expect(once.body.doc.usesCount).toBe(0)
    await create({
      code: 'LATER',
      type: 'percent',
      value: 10,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    await create({ code: 'OVER', type: 'percent', value: 10, expiresAt: new Date(Date.now() - 1000).toISOString() })
    await create({ code: 'CAFE', type: 'percent', value: 20, appliesTo: { kinds: ['cafe'] } })
    const bad = await create({ code: 'TOOMUCH', type: 'percent', value: 150 })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('cannot exceed 100')

    const sell = (couponCode: string, lines = [{ product: mat.id, quantity: 1 }]) =>
      store.desk.client.post('/api/orders/checkout', {
        tenant: store.tenant,
        member: store.member.membershipId,
        lines,
        couponCode,
        payment: { provider: 'cash' },
      })
    const first = await sell('ONCE')
    expect(first.status).toBe(201)
    expect(first.body.order).toMatchObject({ subtotal: 4000, discountTotal: 1000, total: 3000 })
    const second = await sell('ONCE')
    expect(second.status).toBe(409)
    expect(second.body.error).toBe('coupon_member_limit')
    expect((await sell('LATER')).body.error).toBe('coupon_not_started')
    expect((await sell('OVER')).body.error).toBe('coupon_expired')
    expect((await sell('NOPE')).status).toBe(404)
    expect((await sell('CAFE')).body.error).toBe('coupon_not_applicable')
    const mixed = await sell('CAFE', [
      { product: mat.id, quantity: 1 },
      { product: tea.id, quantity: 2 },
    ])
    expect(mixed.body.order).toMatchObject({ subtotal: 5000, discountTotal: 200, total: 4800 })
  })
})

describe('advertised coupons running out', () => {
  /** The `coupon.offer_changed` events queued for a coupon (one job per subscriber: counted by event id). */
  const offerEvents = (coupon: string) =>
    q<{ reason: string | null; advertised: boolean }>(sql`
      SELECT DISTINCT ON (input->'event'->>'id') input->'event'->'data'->>'reason' AS reason,
             (input->'event'->'data'->>'advertised')::boolean AS advertised
      FROM payload_jobs WHERE input->'event'->>'type' = 'coupon.offer_changed' AND input->'event'->'subject'->>'id' = ${coupon}`)

  it('the spend that takes the last use emits coupon.offer_changed (exhausted) once; a cancelled order gives it back (restored)', async () => {
    const store = await commerceStore(app)
    const pack = await store.product({ price: { amount: 5000, currency: 'USD' } })
    const water = await store.product({ kind: 'cafe', price: { amount: 300, currency: 'USD' } })
    const made = await store.owner.client.post('/api/coupons', {
      tenant: store.tenant,
      code: 'LAST3',
      name: 'Three lucky buyers',
      type: 'percent',
      value: 10,
      maxUses: 3,
      advertise: true,
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const coupon = String(made.body.doc.id)
    expect(await offerEvents(coupon)).toEqual([{ reason: null, advertised: true }]) // the save

    // Two uses spent one by one: no event (uses are left).
    for (let i = 0; i < 2; i++) {
      const res = await store.member.client.post('/api/orders/reserve', {
        tenant: store.tenant,
        lines: [{ product: pack.id, quantity: 1 }],
        coupon: 'LAST3',
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    expect(await offerEvents(coupon)).toHaveLength(1)

    // 40 spends at once on the last use: one wins, one event.
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        runAs(app.payload, store.desk.userId, (req) =>
          checkout(req, {
            tenant: store.tenant,
            lines: [{ product: water.id, quantity: 1 }],
            couponCode: 'last3',
            payment: { provider: 'cash' },
          }),
        ),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const events = await offerEvents(coupon)
    expect(events.filter((e) => e.reason === 'exhausted')).toEqual([{ reason: 'exhausted', advertised: false }])
    expect(events).toHaveLength(2)

    // A reserved (pending) order cancelled at the desk gives its use back: the offer is restored, once.
    const [pending] = await q<{ order_id: string }>(sql`
      SELECT r.order_id FROM coupon_redemptions r JOIN orders o ON o.id = r.order_id
      WHERE r.coupon_id = ${coupon} AND o.status = 'pending' LIMIT 1`)
    const cancelled = await store.desk.client.post(`/api/orders/${pending.order_id}/cancel`, {})
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    const after = await offerEvents(coupon)
    expect(after.filter((e) => e.reason === 'restored')).toEqual([{ reason: 'restored', advertised: true }])
    expect(after).toHaveLength(3)
  }, 60_000)
})
