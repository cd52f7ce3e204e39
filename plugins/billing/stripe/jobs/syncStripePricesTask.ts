import type { PayloadRequest, TaskConfig } from 'payload'
import { syncStripePrices } from '../operations/syncStripePrices'
import { SYNC_STRIPE_PRICES_TASK } from './taskSlugs'

/** Creates a plan's Stripe Product/Prices on the tenant's account (queued by a plan save); retried with backoff. */
export const syncStripePricesTask: TaskConfig<typeof SYNC_STRIPE_PRICES_TASK> = {
  slug: SYNC_STRIPE_PRICES_TASK,
  label: 'Sync plan prices to Stripe',
  retries: { attempts: 8, backoff: { type: 'exponential', delay: 5000 } },
  inputSchema: [
    { name: 'tenant', type: 'text', required: true },
    { name: 'plan', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'outcome', type: 'text' },
    { name: 'created', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const { tenant, plan } = input
    const result = await syncStripePrices(
      { payload: (req as PayloadRequest).payload, transactionID: undefined },
      { tenant: String(tenant), plan: String(plan) },
    )
    return { output: result }
  },
}
