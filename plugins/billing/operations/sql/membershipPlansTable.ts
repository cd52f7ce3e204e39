import { defineSqlTable } from '@/core'

/** `membership-plans` as the billing plugin's raw SQL reads it. */
export const membershipPlansTable = defineSqlTable('membership-plans', {
  id: 'id',
  tenant: 'tenant',
  name: 'name',
  updatedAt: 'updatedAt',
})

/** The `prices` array of a plan (one row per price, with its Stripe price). */
export const planPricesTable = defineSqlTable('membership-plans.prices', {
  id: 'id',
  parent: '_parent',
  order: '_order',
  key: 'key',
  interval: 'interval',
  intervalCount: 'intervalCount',
  amount: 'amount',
  currency: 'currency',
  active: 'active',
  stripePriceId: 'stripePriceId',
})
