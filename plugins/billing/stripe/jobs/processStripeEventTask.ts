import type { PayloadRequest, TaskConfig } from 'payload'
import { processStripeWebhook } from '../operations/processStripeWebhook'
import { PROCESS_STRIPE_EVENT_TASK } from './taskSlugs'

/** Applies one recorded Stripe event (queued by the webhook); retried with backoff on failure. */
export const processStripeEventTask: TaskConfig<typeof PROCESS_STRIPE_EVENT_TASK> = {
  slug: PROCESS_STRIPE_EVENT_TASK,
  label: 'Process a Stripe event',
  retries: { attempts: 8, backoff: { type: 'exponential', delay: 2000 } },
  inputSchema: [{ name: 'webhook', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const own = { ...req, transactionID: undefined } as PayloadRequest
    const result = await processStripeWebhook(own, String(input.webhook))
    return { output: { outcome: result.outcome } }
  },
}
