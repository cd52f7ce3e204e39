import type { TaskConfig } from 'payload'
import type { HubspotSyncOptions } from '../../../types'
import { syncHubspotOutbox } from '../syncHubspotOutbox'
import { HUBSPOT_SYNC_TASK } from './taskSlugs'

/**
 * Sends the HubSpot outbox (`syncHubspotOutbox`): on its cron for every connected tenant, and
 * queued (in the transaction that added rows, so it runs after commit) for one tenant.
 */
export const hubspotSyncTask = (options: Required<HubspotSyncOptions>): TaskConfig => ({
  slug: HUBSPOT_SYNC_TASK,
  label: 'Sync the HubSpot outbox',
  schedule: [{ cron: options.cron, queue: 'default' }],
  inputSchema: [{ name: 'tenant', type: 'text' }],
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'retried', type: 'number' },
    { name: 'dead', type: 'number' },
    { name: 'deferred', type: 'number' },
    { name: 'rateLimited', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const tenant = (input as { tenant?: unknown } | undefined)?.tenant
    const output = await syncHubspotOutbox(req.payload, {
      ...options,
      tenant: typeof tenant === 'string' && tenant ? tenant : undefined,
    })
    return { output }
  },
})
