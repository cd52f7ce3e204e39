import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { getSecret, integrationConnectionsTable, runSql } from '@/core'

export const GBP_PROVIDER = 'google_business_profile' as const

/** How the sync authenticates: a ready OAuth access token, or a refresh token it exchanges for one. */
export type GbpAuth =
  | { kind: 'token'; accessToken: string }
  | { kind: 'refresh'; refreshToken: string; clientId: string; clientSecret: string; tokenUrl: string }

/** What the sync needs of a tenant's Google Business Profile connection. */
export type GbpConnection = {
  id: string
  tenant: string
  /** The v4 API's base URL (`https://mybusiness.googleapis.com/v4`, or a fake's for tests). */
  baseUrl: string
  auth: GbpAuth
  /** The Business Profile account id (`accounts/{accountId}`). */
  accountId: string
  /** Atrium location id → Business Profile location id. */
  locations: Record<string, string>
  /** The Business Profile location id of events that have no Atrium location (none: they are not posted). */
  defaultLocation: string | null
  languageCode: string
  timeoutMs: number
}

type Credentials = { accessToken?: string; refreshToken?: string; clientId?: string; clientSecret?: string }
type Row = { id: string; tenant_id: string; config: Record<string, unknown> | null }

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null)
/** `locations/123`, `accounts/1/locations/123` or `123` → `123`. */
const bareId = (v: unknown) => text(v)?.split('/').pop() ?? null

/**
 * The tenant's Google Business Profile connection: core's `integration-connections` row with
 * provider `google_business_profile`, status `connected`, encrypted `credentials`
 * `{ accessToken }` or `{ refreshToken, clientId, clientSecret }` and `config`
 * `{ accountId, locations: { <Atrium location id>: <GBP location id> }, defaultLocation?,
 * languageCode? ('en'), baseUrl?, tokenUrl?, timeoutMs? (10 s) }`. Null when the tenant has none,
 * or it lacks credentials or an account id.
 */
export const gbpConnection = async (req: PayloadRequest, tenant: string): Promise<GbpConnection | null> => {
  const c = integrationConnectionsTable(req)
  const [row] = await runSql<Row>(
    req,
    sql`SELECT ${c.id} AS id, ${c.tenant} AS tenant_id, ${c.config} AS config FROM ${c.$table}
        WHERE ${c.tenant} = ${tenant} AND ${c.provider} = ${GBP_PROVIDER} AND ${c.status} = 'connected' LIMIT 1`,
  )
  if (!row) return null
  const config = row.config ?? {}
  const accountId = bareId(config.accountId)
  if (!accountId) return null
  const credentials = await getSecret<Credentials>(req, {
    collection: 'integration-connections',
    id: String(row.id),
    field: 'credentials',
  })
  let auth: GbpAuth
  if (credentials?.accessToken) auth = { kind: 'token', accessToken: credentials.accessToken }
  else if (credentials?.refreshToken && credentials.clientId && credentials.clientSecret)
    auth = {
      kind: 'refresh',
      refreshToken: credentials.refreshToken,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      tokenUrl: text(config.tokenUrl) ?? 'https://oauth2.googleapis.com/token',
    }
  else return null
  const locations: Record<string, string> = {}
  if (config.locations && typeof config.locations === 'object' && !Array.isArray(config.locations))
    for (const [local, remote] of Object.entries(config.locations)) {
      const id = bareId(remote)
      if (id) locations[local] = id
    }
  const timeout = Number(config.timeoutMs)
  return {
    id: String(row.id),
    tenant: String(row.tenant_id),
    baseUrl: (text(config.baseUrl) ?? 'https://mybusiness.googleapis.com/v4').replace(/\/+$/, ''),
    auth,
    accountId,
    locations,
    defaultLocation: bareId(config.defaultLocation),
    languageCode: text(config.languageCode) ?? 'en',
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 10_000,
  }
}

/** Whether the tenant has a connected Google Business Profile (the event hooks queue nothing otherwise). */
export const hasGbpConnection = async (req: PayloadRequest, tenant: string): Promise<boolean> => {
  const c = integrationConnectionsTable(req)
  const rows = await runSql(
    req,
    sql`SELECT 1 FROM ${c.$table} WHERE ${c.tenant} = ${tenant} AND ${c.provider} = ${GBP_PROVIDER} AND ${c.status} = 'connected' LIMIT 1`,
  )
  return rows.length > 0
}
