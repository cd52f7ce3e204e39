import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { useTestApp } from '@/core/testing'
import { commerceStore } from './testing/commerceStore'

const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

describe('gift cards', () => {
  it('are issued by selling a gift_card product and survive 20 concurrent $10 charges on $50 with exactly 5 successes', async () => {
    const store = await commerceStore(app)
    const card = await store.product({ kind: 'gift_card', price: { amount: 5000, currency: 'USD' } })
    const tea = await store.product({ kind: 'cafe', price: { amount: 1000, currency: 'USD' } })
    const sold = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      buyer: { email: 'giver@example.test', name: 'Giver' },
      lines: [{ product: card.id, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    expect(sold.status).toBe(201)
    expect(sold.body.giftCards).toHaveLength(1)
    const code = sold.body.giftCards[0].code as string
    const balance = await store.desk.client.get(`/api/gift-cards/balance?code=${code}`)
    expect(balance.body).toMatchObject({ balance: 5000, currency: 'USD', status: 'active' })

    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.desk.client.post('/api/orders/checkout', {
          tenant: store.tenant,
          lines: [{ product: tea.id, quantity: 1 }],
          giftCard: { code },
        }),
      ),
    )
    const elapsed = Date.now() - started
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(statuses.filter((s) => s === 409)).toHaveLength(15)
    expect(results.find((r) => r.status === 409)!.body.error).toBe('gift_card_insufficient')
    console.info(
      `[gift cards] 20 concurrent HTTP charges: ${statuses.filter((s) => s === 201).length} succeeded in ${elapsed} ms`,
    )

    const [row] = await q<{ current_balance: string; status: string; sum: string; n: string }>(sql`
      SELECT g.current_balance, g.status, (SELECT sum(amount) FROM gift_card_transactions t WHERE t.gift_card_id = g.id) AS sum,
             (SELECT count(*) FROM gift_card_transactions t WHERE t.gift_card_id = g.id AND t.type = 'redeem') AS n
      FROM gift_cards g WHERE g.tenant_id = ${store.tenant} AND g.code = ${code}`)
    expect(Number(row.current_balance)).toBe(0)
    expect(row.status).toBe('depleted')
    expect(Number(row.sum)).toBe(0)
    expect(Number(row.n)).toBe(5)
    const [orders] = await q<{ n: string; applied: string }>(
      sql`SELECT count(*) AS n, sum(gift_card_applied) AS applied FROM orders WHERE tenant_id = ${store.tenant} AND gift_card_id IS NOT NULL`,
    )
    expect(Number(orders.n)).toBe(5)
    expect(Number(orders.applied)).toBe(5000)
  })

  it('split tender: part gift card, rest cash; unknown codes and other tenants are refused and nothing is written', async () => {
    const store = await commerceStore(app)
    const card = await store.product({ kind: 'gift_card', price: { amount: 2000, currency: 'USD' } })
    const mat = await store.product({ price: { amount: 3500, currency: 'USD' }, stockQuantity: 5 })
    const sold = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      lines: [{ product: card.id, quantity: 1 }],
      payment: { provider: 'terminal', providerRef: `T-${Date.now()}` },
    })
    const code = sold.body.giftCards[0].code as string
    const split = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      lines: [{ product: mat.id, quantity: 1 }],
      giftCard: { code, amount: 2000 },
      payment: { provider: 'cash' },
    })
    expect(split.status).toBe(201)
    expect(split.body.order).toMatchObject({ subtotal: 3500, giftCardApplied: 2000, total: 1500 })
    const payment = await app.payload.findByID({ collection: 'payments', id: split.body.payment, depth: 0 })
    expect(payment.amount).toMatchObject({ amount: 1500, currency: 'USD' })

    const before = await app.payload.count({ collection: 'orders', where: { tenant: { equals: store.tenant } } })
    const unknown = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      lines: [{ product: mat.id, quantity: 1 }],
      giftCard: { code: 'NOPE-NOPE' },
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.message).toContain('No gift card')
    const other = await commerceStore(app)
    const foreign = await other.desk.client.get(`/api/gift-cards/balance?code=${code}`)
    expect(foreign.status).toBe(404)
    expect(await app.payload.count({ collection: 'orders', where: { tenant: { equals: store.tenant } } })).toEqual(
      before,
    )
    const [stock] = await q<{ stock_quantity: string }>(sql`SELECT stock_quantity FROM products WHERE id = ${mat.id}`)
    expect(Number(stock.stock_quantity)).toBe(4)
  })
})
