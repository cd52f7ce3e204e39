import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createPerson, createTenant, useTestApp } from '@/core/testing'
import { useFakeStripe } from '@/core/testing/useFakeStripe'
import type { startOnlinePurchase as StartOnlinePurchase } from './onlinePurchase'

const app = useTestApp()
useFakeStripe('whsec_atrium_site_test')
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

/**
 * The site's module, imported once the test app is up: it imports the app's `@payload-config`, whose
 * environment is read at import, and its `getPayload` then answers with the test app's instance.
 */
const startOnlinePurchase: typeof StartOnlinePurchase = async (...args) =>
  (await import('./onlinePurchase')).startOnlinePurchase(...args)

const memberOf = async (tenant: string) => {
  const { user } = await createPerson(app.payload, { tenant, roles: ['member'] })
  return { ...user, collection: 'users' } as never
}

describe("the pricing page's online purchase (startOnlinePurchase, in-process like the site)", () => {
  it('a pack goes through POST /api/orders/buy: a Checkout URL, one pending order holding the stock; the next buyer is refused out_of_stock and nothing is written for them', async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const account = `acct_site${Math.random().toString(36).slice(2, 10)}`
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
        stockQuantity: 2,
        pack: { credits: 5, creditType: 'class', validityDays: 60 },
      } as never,
    })) as unknown as { id: string }

    const first = await startOnlinePurchase(await memberOf(tenant), { product: pack.id, quantity: 2 })
    expect(first).toEqual({ url: expect.stringMatching(/^https?:\/\/\S+$/) })
    const orders = await q<{ status: string; total: string; expires_at: string | null }>(
      sql`SELECT status, total, expires_at FROM orders WHERE tenant_id = ${tenant}`,
    )
    expect(orders).toHaveLength(1)
    expect(orders[0]).toMatchObject({ status: 'pending' })
    expect(Number(orders[0].total)).toBe(12000)
    expect(new Date(orders[0].expires_at!).getTime() - Date.now()).toBeLessThan(2 * 3_600_000) // the Checkout hold, not a 7-day reservation
    const [stock] = await q<{ stock_quantity: number }>(sql`SELECT stock_quantity FROM products WHERE id = ${pack.id}`)
    expect(Number(stock.stock_quantity)).toBe(0)

    expect(await startOnlinePurchase(await memberOf(tenant), { product: pack.id, quantity: 1 })).toEqual({
      error: 'out_of_stock',
    })
    expect(await q(sql`SELECT id FROM orders WHERE tenant_id = ${tenant}`)).toHaveLength(1)
  })

  it('a studio without Stripe answers stripe_not_configured (the page then switches to desk mode) and holds nothing', async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const card = (await app.payload.create({
      collection: 'products',
      data: {
        tenant,
        name: 'Day pass',
        slug: 'day',
        kind: 'day_pass',
        price: { amount: 2500, currency: 'USD' },
        stockQuantity: 5,
      } as never,
    })) as unknown as {
      id: string
    }
    expect(await startOnlinePurchase(await memberOf(tenant), { product: card.id, quantity: 1 })).toEqual({
      error: 'stripe_not_configured',
    })
    expect(await q(sql`SELECT id FROM orders WHERE tenant_id = ${tenant}`)).toHaveLength(0)
    const [stock] = await q<{ stock_quantity: number }>(sql`SELECT stock_quantity FROM products WHERE id = ${card.id}`)
    expect(Number(stock.stock_quantity)).toBe(5)
  })
})
