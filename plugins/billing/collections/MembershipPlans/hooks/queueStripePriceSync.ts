import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '@/core'
import { connectedAccount } from '../../../stripe/connectedAccount'
import { SYNC_STRIPE_PRICES_TASK } from '../../../stripe/jobs/taskSlugs'
import { stripeClient } from '../../../stripe/stripeClient'
import type { PlanPrice } from '../../../types'

/**
 * A plan saved with an active price that has no Stripe Price yet, by a tenant taking online
 * payments, queues `syncStripePrices` in the save's transaction (it runs after commit).
 */
export const queueStripePriceSync: CollectionAfterChangeHook = async ({ doc, req }) => {
  const missing = ((doc.prices ?? []) as PlanPrice[]).some((price) => price.active && !price.stripePriceId)
  const tenant = idOf(doc.tenant)
  if (!missing || !tenant || !stripeClient() || !(await connectedAccount(req, tenant))) return doc
  await req.payload.jobs.queue({ task: SYNC_STRIPE_PRICES_TASK as never, input: { tenant, plan: String(doc.id) } as never, req })
  return doc
}
