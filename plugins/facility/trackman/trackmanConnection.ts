import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { getSecret, integrationConnectionsTable, isFeatureEnabled, runSql } from '@/core'

/** The tenant setting (core `feature-flags`) that switches the Trackman sync off for one tenant. */
export const TRACKMAN_FEATURE = 'facility.trackman'

/** What the sync needs of a tenant's Trackman connection. */
export type TrackmanConnection = {
  id: string
  tenant: string
  baseUrl: string
  apiKey: string
  webhookSecret: string | null
}

type Credentials = { apiKey?: string; webhookSecret?: string }

/**
 * The tenant's Trackman connection: core's `integration-connections` row with provider `trackman`,
 * status `connected`, `config.baseUrl` and encrypted `credentials` `{ apiKey, webhookSecret }`.
 * Null when the tenant has none, it is incomplete, or the tenant's `facility.trackman` flag is off
 * (`requireFlag: false` skips the flag: webhooks are still verified while the sync is paused).
 */
export const trackmanConnection = async (
  req: PayloadRequest,
  tenant: string,
  { requireFlag = true } = {},
): Promise<TrackmanConnection | null> => {
  const c = integrationConnectionsTable(req)
  const [row] = await runSql<{ id: string; base_url: string | null }>(
    req,
    sql`SELECT ${c.id} AS id, ${c.config}->>'baseUrl' AS base_url FROM ${c.$table}
        WHERE ${c.tenant} = ${tenant} AND ${c.provider} = 'trackman' AND ${c.status} = 'connected' LIMIT 1`,
  )
  if (!row?.base_url) return null
  if (requireFlag && !(await isFeatureEnabled(req, tenant, TRACKMAN_FEATURE))) return null
  const credentials = await getSecret<Credentials>(req, {
    collection: 'integration-connections',
    id: String(row.id),
    field: 'credentials',
  })
  if (!credentials?.apiKey) return null
  return {
    id: String(row.id),
    tenant,
    baseUrl: row.base_url,
    apiKey: credentials.apiKey,
    webhookSecret: credentials.webhookSecret ?? null,
  }
}
