import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { integrationConnectionsTable, runSql } from '@/core'

type Req = Pick<PayloadRequest, 'payload' | 'transactionID'>

/**
 * The tenant's Stripe connected account (`acct_...`): core's `integration-connections` row with
 * provider `stripe`, status `connected` and `config.accountId`. Null when the tenant has not
 * connected Stripe.
 */
export const connectedAccount = async (req: Req, tenant: string): Promise<string | null> => {
  const c = integrationConnectionsTable(req)
  const [row] = await runSql<{ account: string | null }>(
    req,
    sql`SELECT ${c.config}->>'accountId' AS account FROM ${c.$table}
        WHERE ${c.tenant} = ${tenant} AND ${c.provider} = 'stripe' AND ${c.status} = 'connected' LIMIT 1`,
  )
  return row?.account && /^acct_\w+$/.test(row.account) ? row.account : null
}

/**
 * The tenant owning a connected account, or null when no tenant (or, ambiguously, more than one)
 * has connected it: an event is only ever applied to the one tenant whose account sent it.
 * `anyStatus` also finds accounts still onboarding or restricted (for `account.updated`).
 */
export const tenantOfAccount = async (
  req: Req,
  account: string | null | undefined,
  { anyStatus = false } = {},
): Promise<string | null> => {
  if (!account) return null
  const c = integrationConnectionsTable(req)
  const rows = await runSql<{ tenant_id: string }>(
    req,
    sql`SELECT ${c.tenant} AS tenant_id FROM ${c.$table}
        WHERE ${c.provider} = 'stripe' AND ${c.config}->>'accountId' = ${account} AND (${anyStatus} OR ${c.status} = 'connected') LIMIT 2`,
  )
  return rows.length === 1 ? rows[0].tenant_id : null
}
