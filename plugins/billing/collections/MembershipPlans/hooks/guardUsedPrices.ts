import type { CollectionBeforeChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import type { PlanPrice } from '../../../types'
import { subscriptionsTable } from '../../../operations/sql/subscriptionsTable'

const same = (a: PlanPrice, b: PlanPrice) =>
  Number(a.amount) === Number(b.amount) &&
  a.currency === b.currency &&
  a.interval === b.interval &&
  Number(a.intervalCount ?? 1) === Number(b.intervalCount ?? 1)

/**
 * Price keys are unique within a plan, and a price any subscription uses is never edited in
 * place or removed: add a new price and deactivate the old one.
 */
export const guardUsedPrices: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const prices = data.prices as PlanPrice[] | undefined
  if (!Array.isArray(prices)) return data
  const keys = prices.map((price) => price.key)
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index)
  if (duplicate)
    throw new OperationError(400, 'duplicate_price_key', `Price key "${duplicate}" is used twice in this plan.`)
  if (operation !== 'update' || !originalDoc?.id) return data
  const s = subscriptionsTable(req)
  const used = await runSql<{ price_key: string }>(
    req,
    sql`SELECT DISTINCT ${s.priceKey} AS price_key FROM ${s.$table} WHERE ${s.plan} = ${originalDoc.id}`,
  )
  if (used.length === 0) return data
  const before = new Map(((originalDoc.prices ?? []) as PlanPrice[]).map((price) => [price.key, price]))
  for (const { price_key: key } of used) {
    const old = before.get(key)
    if (!old) continue
    const next = prices.find((price) => price.key === key)
    if (!next)
      throw new OperationError(
        400,
        'price_in_use',
        `Price "${key}" is used by subscriptions and cannot be removed; deactivate it instead.`,
      )
    if (!same(old, next)) {
      throw new OperationError(
        400,
        'price_in_use',
        `Price "${key}" is used by subscriptions: its amount, currency and interval cannot change. Add a new price and deactivate this one.`,
      )
    }
  }
  return data
}
