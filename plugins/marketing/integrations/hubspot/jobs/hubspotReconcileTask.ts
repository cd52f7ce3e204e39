import { connectedTenants, noteIntegrationSync } from '@/core'
import { createLocalReq, type TaskConfig } from 'payload'
import type { HubspotSyncOptions } from '../../../types'
import { hubspotApi } from '../hubspotApi'
import { hubspotConnection } from '../hubspotConnection'
import { reconcileHubspotTenant } from '../reconcileHubspotTenant'
import { ensureHubspotProperties } from '../ensureHubspotProperties'
import { HUBSPOT_RECONCILE_TASK, HUBSPOT_SYNC_TASK } from './taskSlugs'

/**
 * Nightly (`hubspot.reconcileCron`): every connected tenant's custom properties are ensured, then it is compared with HubSpot
 * (`reconcileHubspotTenant`) and what differs goes back in the outbox; a sync run follows. A
 * tenant that fails is logged (and its connection's `lastError` set); the others still run.
 */
export const hubspotReconcileTask = (options: Required<HubspotSyncOptions>): TaskConfig => ({
  slug: HUBSPOT_RECONCILE_TASK,
  label: 'Reconcile HubSpot',
  schedule: [{ cron: options.reconcileCron, queue: 'default' }],
  outputSchema: [
    { name: 'tenants', type: 'number' },
    { name: 'added', type: 'number' },
    { name: 'requeued', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => {
    const own = await createLocalReq({}, req.payload)
    const totals = { tenants: 0, added: 0, requeued: 0, failed: 0 }
    for (const tenant of await connectedTenants(own, 'hubspot')) {
      const connection = await hubspotConnection(own, tenant)
      if (!connection) continue
      try {
        const api = hubspotApi(req.payload, connection, {
          windowMs: options.burstWindowMs,
          deadline: Date.now() + 10 * options.maxRunMs,
        })
        await ensureHubspotProperties(api) // HubSpot custom properties: a portal that lost one gets it back
        const result = await reconcileHubspotTenant(own, connection, api)
        totals.tenants++
        totals.added += result.added
        totals.requeued += result.requeued
        if (result.added + result.requeued > 0)
          await req.payload.jobs.queue({ task: HUBSPOT_SYNC_TASK, input: { tenant }, req: own })
      } catch (error) {
        totals.failed++
        await noteIntegrationSync(own, connection.id, error instanceof Error ? error.message : String(error))
        req.payload.logger.warn({ err: error, tenant }, 'HubSpot reconcile of a tenant failed')
      }
    }
    return { output: totals }
  },
})
