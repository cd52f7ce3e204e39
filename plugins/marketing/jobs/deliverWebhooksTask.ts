import type { TaskConfig } from 'payload'
import type { WebhookOptions } from '../types'
import { deliverDueWebhooks } from '../operations/webhooks/deliverDueWebhooks'

export const DELIVER_WEBHOOKS_TASK = 'deliverWebhooks'

/**
 * Sends due webhook deliveries (see `deliverDueWebhooks`): on its cron for every endpoint, and
 * queued by the fan-out or a replay for the endpoints named in `endpoints`.
 */
export const deliverWebhooksTask = (options: Required<WebhookOptions>): TaskConfig => ({
  slug: DELIVER_WEBHOOKS_TASK,
  label: 'Deliver outbound webhooks',
  schedule: [{ cron: options.cron, queue: 'default' }],
  inputSchema: [{ name: 'endpoints', type: 'json' }],
  outputSchema: [
    { name: 'delivered', type: 'number' },
    { name: 'failed', type: 'number' },
    { name: 'dead', type: 'number' },
    { name: 'disabled', type: 'number' },
    { name: 'removed', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const raw = (input as { endpoints?: unknown } | undefined)?.endpoints
    const endpoints = Array.isArray(raw) ? raw.map(String) : undefined
    const output = await deliverDueWebhooks(req.payload, { ...options, endpoints })
    return { output }
  },
})
