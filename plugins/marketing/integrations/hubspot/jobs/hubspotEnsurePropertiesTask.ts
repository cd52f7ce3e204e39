import { createLocalReq, type TaskConfig } from 'payload'
import { noteIntegrationSync } from '@/core'
import type { HubspotSyncOptions } from '../../../types'
import { ensureHubspotProperties } from '../ensureHubspotProperties'
import { hubspotApi } from '../hubspotApi'
import { hubspotConnection } from '../hubspotConnection'
import { HUBSPOT_ENSURE_PROPERTIES_TASK } from './taskSlugs'

/**
 * Creates the sync's custom properties in a tenant's portal when missing (`ensureHubspotProperties`).
 * Queued when a HubSpot connection is connected or its config changes (a hook on
 * `integration-connections`); the nightly reconcile ensures them too. A failure is noted on the
 * connection (`lastError`) and retried by the queue.
 */
export const hubspotEnsurePropertiesTask = (options: Required<HubspotSyncOptions>): TaskConfig => ({
  slug: HUBSPOT_ENSURE_PROPERTIES_TASK,
  label: 'Create the HubSpot custom properties',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [{ name: 'tenant', type: 'text', required: true }],
  outputSchema: [
    { name: 'created', type: 'number' },
    { name: 'existing', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const own = await createLocalReq({}, req.payload)
    const raw: unknown = input
    const tenant = raw && typeof raw === 'object' && 'tenant' in raw && typeof raw.tenant === 'string' ? raw.tenant : ''
    const connection = tenant ? await hubspotConnection(own, tenant) : null
    if (!connection) return { output: { created: 0, existing: 0 } }
    const api = hubspotApi(req.payload, connection, {
      windowMs: options.burstWindowMs,
      deadline: Date.now() + options.maxRunMs,
    })
    try {
      const result = await ensureHubspotProperties(api)
      return { output: { created: result.created.length, existing: result.existing.length } }
    } catch (error) {
      const message = `HubSpot custom properties: ${error instanceof Error ? error.message : String(error)}`
      await noteIntegrationSync(own, connection.id, message)
      throw error
    }
  },
})
