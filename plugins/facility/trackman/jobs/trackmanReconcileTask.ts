import { connectedTenants } from '@/core'
import type { PayloadRequest, TaskConfig } from 'payload'
import { reconcileTrackmanTenant } from '../reconcileTrackmanTenant'
import { TRACKMAN_RECONCILE_TASK } from './taskSlugs'

/**
 * Nightly (`trackman.reconcileCron`): every tenant with a connected Trackman has its next
 * `reconcileDays` days of bookings repaired (`reconcileTrackmanTenant`). A tenant that fails is
 * logged (and its connection's `lastError` set); the others still run.
 */
export const trackmanReconcileTask = (options: {
  cron: string
  days: number
  timeoutMs: number
  attempts: number
}): TaskConfig => ({
  slug: TRACKMAN_RECONCILE_TASK,
  label: 'Reconcile Trackman bookings',
  schedule: [{ cron: options.cron, queue: 'default' }],
  outputSchema: [
    { name: 'tenants', type: 'number' },
    { name: 'created', type: 'number' },
    { name: 'updated', type: 'number' },
    { name: 'deleted', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => {
    const own = { ...req, transactionID: undefined } as PayloadRequest
    const totals = { tenants: 0, created: 0, updated: 0, deleted: 0, failed: 0 }
    for (const tenant of await connectedTenants(own, 'trackman')) {
      try {
        const result = await reconcileTrackmanTenant(own, tenant, options)
        if (!result) continue
        totals.tenants++
        totals.created += result.created
        totals.updated += result.updated
        totals.deleted += result.deleted
      } catch (error) {
        totals.failed++
        req.payload.logger.warn({ err: error, tenant }, 'Trackman reconcile of a tenant failed')
      }
    }
    return { output: totals }
  },
})
