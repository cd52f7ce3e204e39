import type { PayloadRequest, TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { integrationConnectionsTable, runSql } from '@/core'
import { reconcileStripeTenant } from '../operations/reconcileStripeTenant'
import { stripeClient } from '../stripeClient'
import { RECONCILE_STRIPE_TASK } from './taskSlugs'

/**
 * Nightly (03:15 UTC): every tenant with a connected Stripe account has the subscriptions Stripe
 * changed in the last two days re-applied through the webhook mirror (`reconcileStripeTenant`);
 * drift is audited. Without Stripe it does nothing.
 */
export const reconcileStripeTask: TaskConfig = {
  slug: RECONCILE_STRIPE_TASK,
  label: 'Reconcile Stripe subscriptions',
  schedule: [{ cron: '0 15 3 * * *', queue: 'default' }],
  outputSchema: [
    { name: 'tenants', type: 'number' },
    { name: 'checked', type: 'number' },
    { name: 'drifted', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => {
    const totals = { tenants: 0, checked: 0, drifted: 0, failed: 0 }
    if (!stripeClient()) return { output: totals }
    const c = integrationConnectionsTable(req)
    const tenants = await runSql<{ tenant_id: string; account: string }>(
      { payload: req.payload, transactionID: undefined },
      sql`SELECT ${c.tenant} AS tenant_id, ${c.config}->>'accountId' AS account FROM ${c.$table}
          WHERE ${c.provider} = 'stripe' AND ${c.status} = 'connected' AND ${c.config}->>'accountId' LIKE 'acct\_%' ORDER BY ${c.tenant}`,
    )
    for (const { tenant_id: tenant, account } of tenants) {
      try {
        const result = await reconcileStripeTenant({ ...req, transactionID: undefined } as PayloadRequest, {
          tenant: String(tenant),
          account,
        })
        totals.tenants++
        totals.checked += result.checked
        totals.drifted += result.drifted
        totals.failed += result.failed
      } catch (error) {
        totals.failed++
        req.payload.logger.error({ err: error, tenant }, 'Stripe reconciliation of a tenant failed')
      }
    }
    return { output: totals }
  },
}
