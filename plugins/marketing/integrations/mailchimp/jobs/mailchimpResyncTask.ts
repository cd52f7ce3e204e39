import { connectedTenants } from '@/core'
import type { PayloadRequest, TaskConfig } from 'payload'
import { resyncTenantToMailchimp, type SyncOptions } from '../syncToMailchimp'
import { MAILCHIMP_RESYNC_TASK } from './taskSlugs'

/**
 * The full resync: nightly (`mailchimp.resyncCron`) for every tenant with a connected Mailchimp,
 * or queued with `{ tenant }` for one. A tenant that fails is logged (its connection's `lastError`
 * set); the others still run.
 */
export const mailchimpResyncTask = (options: SyncOptions & { cron: string }): TaskConfig => ({
  slug: MAILCHIMP_RESYNC_TASK,
  label: 'Resync Mailchimp audiences',
  schedule: [{ cron: options.cron, queue: 'default' }],
  inputSchema: [{ name: 'tenant', type: 'text' }],
  outputSchema: [
    { name: 'tenants', type: 'number' },
    { name: 'synced', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const own = { ...req, transactionID: undefined } as PayloadRequest
    const only = (input as { tenant?: string | null } | undefined)?.tenant
    const totals = { tenants: 0, synced: 0, failed: 0 }
    for (const tenant of only ? [only] : await connectedTenants(own, 'mailchimp')) {
      try {
        const result = await resyncTenantToMailchimp(own, tenant, options)
        if (!result) continue
        totals.tenants++
        totals.synced += result.synced
        totals.failed += result.failed
      } catch (error) {
        req.payload.logger.warn({ err: error, tenant }, 'Mailchimp resync of a tenant failed')
      }
    }
    return { output: totals }
  },
})
