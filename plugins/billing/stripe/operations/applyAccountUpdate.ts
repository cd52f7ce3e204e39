import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, integrationConnectionsTable, lockKey, runSql } from '@/core'
import { SYNC_STRIPE_PRICES_TASK } from '../jobs/taskSlugs'
import { requireStripeClient } from '../stripeClient'
import { membershipPlansTable, planPricesTable } from '../../operations/sql/membershipPlansTable'

export type AccountState = 'connected' | 'restricted' | 'onboarding'

/** Where a connected account stands: charges and details → connected; details given but charges off → restricted; else onboarding. */
export const accountState = (account: {
  charges_enabled?: boolean | null
  details_submitted?: boolean | null
}): AccountState =>
  account.charges_enabled && account.details_submitted
    ? 'connected'
    : account.details_submitted
      ? 'restricted'
      : 'onboarding'

/** The `integration-connections` status of each state. */
const STATUS: Record<AccountState, 'connected' | 'restricted' | 'disconnected'> = {
  connected: 'connected',
  restricted: 'restricted',
  onboarding: 'disconnected',
}

/**
 * Connect `account.updated`: the tenant's integration connection follows the account without the
 * owner calling `/connect` again. The event is a notification: under the account's lock the
 * account is re-read from Stripe and must belong to `tenant` (its row's `config.accountId`, and
 * the `metadata.tenant` we set at creation when present); the row becomes `connected` (charges
 * and details submitted), `restricted` (Stripe disabled charges: `config.disabledReason`,
 * `config.requirementsDue`) or stays `disconnected` while onboarding.
 * A change is audited; becoming connected queues the Stripe price sync of the tenant's plans.
 */
export const applyAccountUpdate = async (req: PayloadRequest, input: { tenant: string; account: string }) => {
  await lockKey(req, `stripe-connect:${input.tenant}`)
  const c = integrationConnectionsTable(req)
  const [row] = await runSql<{ id: string; status: string; state: string | null }>(
    req,
    sql`SELECT ${c.id} AS id, ${c.status} AS status, ${c.config}->>'state' AS state FROM ${c.$table}
        WHERE ${c.tenant} = ${input.tenant} AND ${c.provider} = 'stripe' AND ${c.config}->>'accountId' = ${input.account} FOR UPDATE`,
  )
  if (!row) return { outcome: 'ignored', reason: 'account not connected to this tenant' }
  const account = await requireStripeClient().accounts.retrieve(input.account)
  const claimed = account.metadata?.tenant
  if (claimed && claimed !== input.tenant)
    return { outcome: 'foreign', reason: `account metadata names tenant ${claimed}` }

  const state = accountState(account)
  const status = STATUS[state]
  const config = {
    state,
    chargesEnabled: Boolean(account.charges_enabled),
    detailsSubmitted: Boolean(account.details_submitted),
    disabledReason: account.requirements?.disabled_reason ?? null,
    requirementsDue: account.requirements?.currently_due ?? [],
  }
  await runSql(
    req,
    sql`UPDATE ${c.$table} SET ${c.status} = ${status}, ${c.config} = coalesce(${c.config}, '{}'::jsonb) || ${JSON.stringify(config)}::jsonb,
          ${c.updatedAt} = now() WHERE ${c.id} = ${row.id}`,
  )
  if (row.status === status && (row.state ?? state) === state) return { outcome: 'unchanged', state }
  await audit(req, {
    category: 'billing',
    action: `stripe.account_${state}`,
    tenant: input.tenant,
    resourceType: 'integration-connections',
    resourceId: String(row.id),
    before: { status: row.status },
    after: { status, account: input.account, ...config },
  })
  if (status === 'connected') {
    const p = membershipPlansTable(req)
    const pr = planPricesTable(req)
    const plans = await runSql<{ id: string }>(
      req,
      sql`SELECT DISTINCT p.${p.id} AS id FROM ${p.$table} p JOIN ${pr.$table} pr ON pr.${pr.parent} = p.${p.id}
          WHERE p.${p.tenant} = ${input.tenant} AND pr.${pr.active} AND pr.${pr.stripePriceId} IS NULL`,
    )
    for (const plan of plans)
      await req.payload.jobs.queue({
        task: SYNC_STRIPE_PRICES_TASK,
        input: { tenant: input.tenant, plan: String(plan.id) },
        req,
      })
  }
  return { outcome: 'applied', state, status }
}
