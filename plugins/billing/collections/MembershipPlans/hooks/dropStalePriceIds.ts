import type { CollectionBeforeChangeHook } from 'payload'
import type { PlanPrice } from '../../../types'

const same = (a: PlanPrice, b: PlanPrice) =>
  Number(a.amount) === Number(b.amount) &&
  a.currency === b.currency &&
  a.interval === b.interval &&
  Number(a.intervalCount ?? 1) === Number(b.intervalCount ?? 1)

/**
 * Stripe Prices are immutable: a price (not used by any subscription, else `guardUsedPrices`
 * refuses) whose amount, currency or interval is edited loses its `stripePriceId`, so the price
 * sync creates a new one instead of Checkout charging the old amount.
 */
export const dropStalePriceIds: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const prices = data.prices as PlanPrice[] | undefined
  if (!Array.isArray(prices) || !originalDoc?.prices) return data
  const before = new Map(((originalDoc.prices ?? []) as PlanPrice[]).map((price) => [price.key, price]))
  for (const price of prices) {
    const old = before.get(price.key)
    if (old && price.stripePriceId && price.stripePriceId === old.stripePriceId && !same(old, price))
      price.stripePriceId = null
  }
  return data
}
