import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '@/core'
import { connectedAccount } from '../../../stripe/connectedAccount'
import { SYNC_STRIPE_PRICES_TASK } from '../../../stripe/jobs/taskSlugs'
import { stripeClient } from '../../../stripe/stripeClient'
import type { PlanPrice } from '../../../types'

/** The Stripe Price ids the active prices of a plan use. */
const sold = (prices: PlanPrice[] | null | undefined) =>
  new Set(
    (prices ?? []).filter((price) => price.active && price.stripePriceId).map((price) => String(price.stripePriceId)),
  )

/**
 * A plan saved with an active price that has no Stripe Price yet, or whose active prices no longer
 * use the same Stripe Prices (one replaced, deactivated, removed or activated again: its Stripe
 * Price is archived or restored), by a tenant taking online payments, queues `syncStripePrices` in
 * the save's transaction (it runs after commit).
 */
export const queueStripePriceSync: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const missing = ((doc.prices ?? []) as PlanPrice[]).some((price) => price.active && !price.stripePriceId)
  const now = sold(doc.prices as PlanPrice[])
  const before = sold(previousDoc?.prices as PlanPrice[] | undefined)
  const changed = now.size !== before.size || [...now].some((id) => !before.has(id))
  const tenant = idOf(doc.tenant)
  if (!(missing || changed) || !tenant || !stripeClient() || !(await connectedAccount(req, tenant))) return doc
  await req.payload.jobs.queue({
    task: SYNC_STRIPE_PRICES_TASK,
    input: { tenant, plan: String(doc.id) },
    req,
  })
  return doc
}
