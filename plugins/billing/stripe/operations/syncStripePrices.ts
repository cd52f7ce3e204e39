import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { connectedAccount } from '../connectedAccount'
import { idempotencyKey } from '../idempotencyKey'
import { stripeClient } from '../stripeClient'
import { membershipPlansTable, planPricesTable } from '../../operations/sql/membershipPlansTable'

type Db = Pick<PayloadRequest, 'payload' | 'transactionID'>
type PriceRow = {
  id: string
  key: string
  interval: 'week' | 'month' | 'year' | 'one_time'
  interval_count: string
  amount: string
  currency: string
}

/** Our Stripe Product id for a plan on the tenant's account (Stripe accepts ids chosen by the caller). */
export const stripeProductId = (plan: string) => `atrium_plan_${plan.replace(/[^A-Za-z0-9_]/g, '')}`

const exists = async (stripe: Stripe, account: string, product: string) => {
  try {
    await stripe.products.retrieve(product, {}, { stripeAccount: account })
    return true
  } catch (error) {
    if ((error as { code?: string }).code === 'resource_missing') return false
    throw error
  }
}

/**
 * Archives (`prices.update(id, { active: false })`) every Stripe Price of the plan's Product that we
 * created (`metadata.plan`) and no active price of the plan uses any more: a price replaced by a new
 * one and deactivated, removed, or edited in place (`dropStalePriceIds`). Archived Prices keep billing
 * the Stripe subscriptions already on them; they just cannot be sold again. A price activated again
 * whose Stripe Price was archived gets it back (`active: true`). Idempotency keys carry the price id,
 * the wanted state and the plan's version (`updated_at`), so a retried job sends nothing twice.
 */
const archiveReplacedPrices = async (
  db: Db,
  stripe: Stripe,
  account: string,
  input: { plan: string; product: string; version: string },
) => {
  const pr = planPricesTable(db)
  const inUse = new Set(
    (
      await runSql<{ id: string }>(
        db,
        sql`SELECT ${pr.stripePriceId} AS id FROM ${pr.$table} WHERE ${pr.parent} = ${input.plan} AND ${pr.active} AND ${pr.stripePriceId} IS NOT NULL`,
      )
    ).map((r) => r.id),
  )
  let archived = 0
  let restored = 0
  for await (const price of stripe.prices.list({ product: input.product, limit: 100 }, { stripeAccount: account })) {
    if (price.metadata?.plan !== input.plan) continue
    const wanted = inUse.has(price.id)
    if (price.active === wanted) continue
    await stripe.prices.update(
      price.id,
      { active: wanted },
      {
        stripeAccount: account,
        idempotencyKey: idempotencyKey('price-active', price.id, wanted ? 'on' : 'off', input.version),
      },
    )
    if (wanted) restored++
    else archived++
  }
  return { archived, restored }
}

/**
 * Creates the Stripe Product of a plan and a Stripe Price for each of its active prices that has
 * none yet, on the tenant's connected account, and stores each price id on the plan's price
 * (`stripePriceId`); then archives the plan's Stripe Prices that were replaced
 * (`archiveReplacedPrices`). Run by the `syncStripePrices` job after commit (queued when a plan is
 * saved with a price missing on Stripe or a Stripe Price no longer used, or when the tenant becomes
 * connected). Idempotency keys carry the plan, key, amount, currency and interval, so a retried job
 * creates nothing twice; the id is written only while the price still has no id and the same amount
 * (one conditional UPDATE each). A tenant without a connected account, or a server without Stripe,
 * is skipped (Checkout keeps using inline `price_data`).
 */
export const syncStripePrices = async (db: Db, input: { tenant: string; plan: string }) => {
  const stripe = stripeClient()
  const account = stripe ? await connectedAccount(db, input.tenant) : null
  if (!stripe || !account) return { outcome: 'skipped', created: 0, archived: 0 }
  const mp = membershipPlansTable(db)
  const pr = planPricesTable(db)
  const [plan] = await runSql<{ name: string; version: string }>(
    db,
    sql`SELECT ${mp.name} AS name, (extract(epoch FROM ${mp.updatedAt}) * 1000)::bigint::text AS version FROM ${mp.$table}
        WHERE ${mp.id} = ${input.plan} AND ${mp.tenant} = ${input.tenant}`,
  )
  if (!plan) return { outcome: 'skipped', created: 0, archived: 0 }
  const prices = await runSql<PriceRow>(
    db,
    sql`SELECT ${pr.id} AS id, ${pr.key} AS key, ${pr.interval} AS interval, ${pr.intervalCount} AS interval_count, ${pr.amount} AS amount,
               ${pr.currency} AS currency
        FROM ${pr.$table} WHERE ${pr.parent} = ${input.plan} AND ${pr.active} AND ${pr.stripePriceId} IS NULL ORDER BY ${pr.order}`,
  )
  const product = stripeProductId(input.plan)
  let created = 0
  if (prices.length > 0) {
    if (!(await exists(stripe, account, product))) {
      await stripe.products.create(
        { id: product, name: plan.name, metadata: { tenant: input.tenant, plan: input.plan } },
        { stripeAccount: account, idempotencyKey: idempotencyKey('product', input.plan) },
      )
    }
    for (const price of prices) {
      const amount = Number(price.amount)
      const count = Number(price.interval_count ?? 1)
      const made = await stripe.prices.create(
        {
          product,
          currency: price.currency.toLowerCase(),
          unit_amount: amount,
          ...(price.interval === 'one_time' ? {} : { recurring: { interval: price.interval, interval_count: count } }),
          metadata: { tenant: input.tenant, plan: input.plan, priceKey: price.key },
        },
        {
          stripeAccount: account,
          idempotencyKey: idempotencyKey('price', input.plan, price.key, amount, price.currency, price.interval, count),
        },
      )
      const stored = await runSql<{ id: string }>(
        db,
        sql`UPDATE ${pr.$table} SET ${pr.stripePriceId} = ${made.id}
            WHERE ${pr.id} = ${price.id} AND ${pr.stripePriceId} IS NULL AND ${pr.amount} = ${amount} AND ${pr.currency} = ${price.currency}
              AND ${pr.interval} = ${price.interval} AND ${pr.intervalCount} = ${count}
            RETURNING ${pr.id} AS id`,
      )
      created += stored.length
    }
  }
  const { archived, restored } = await archiveReplacedPrices(db, stripe, account, {
    plan: input.plan,
    product,
    version: plan.version,
  })
  return { outcome: created + archived + restored > 0 ? 'synced' : 'unchanged', created, archived }
}
