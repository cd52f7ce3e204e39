import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { getSecret, integrationConnectionsTable, runSql } from '@/core'

/** HubSpot's burst limit of a private app: 190 requests per 10 s (the sync uses at most 80 % of it). */
export const HUBSPOT_DEFAULT_BURST_LIMIT = 190

/** What the sync needs of a tenant's HubSpot connection. */
export type HubspotConnection = {
  id: string
  tenant: string
  /** The API's base URL (`https://api.hubapi.com`, or a fake's for tests and the demo). */
  baseUrl: string
  accessToken: string
  clientSecret: string | null
  portalId: string | null
  /** Requests per burst window the portal allows (the sync stays at 80 % of it). */
  burstLimit: number
  /** The public URL HubSpot posts webhooks to (what it signs), when it differs from the request's. */
  webhookUrl: string | null
}

type Credentials = { accessToken?: string; clientSecret?: string }
type Row = { id: string; tenant_id: string; config: Record<string, unknown> | null }

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null)

const connectionOf = async (req: PayloadRequest, row: Row): Promise<HubspotConnection | null> => {
  const credentials = await getSecret<Credentials>(req, {
    collection: 'integration-connections',
    id: String(row.id),
    field: 'credentials',
  })
  if (!credentials?.accessToken) return null
  const config = row.config ?? {}
  const burst = Number(config.burstLimit)
  return {
    id: String(row.id),
    tenant: String(row.tenant_id),
    baseUrl: text(config.baseUrl) ?? 'https://api.hubapi.com',
    accessToken: credentials.accessToken,
    clientSecret: credentials.clientSecret ?? null,
    portalId: text(config.portalId),
    burstLimit: Number.isFinite(burst) && burst > 0 ? burst : HUBSPOT_DEFAULT_BURST_LIMIT,
    webhookUrl: text(config.webhookUrl),
  }
}

/**
 * The tenant's HubSpot connection: core's `integration-connections` row with provider `hubspot`,
 * status `connected`, encrypted `credentials` `{ accessToken (private app), clientSecret (the app's,
 * for webhook signatures) }` and `config` `{ baseUrl?, portalId?, burstLimit?, webhookUrl? }`.
 * Null when the tenant has none or it has no access token.
 */
export const hubspotConnection = async (req: PayloadRequest, tenant: string): Promise<HubspotConnection | null> => {
  const c = integrationConnectionsTable(req)
  const [row] = await runSql<Row>(
    req,
    sql`SELECT ${c.id} AS id, ${c.tenant} AS tenant_id, ${c.config} AS config FROM ${c.$table}
        WHERE ${c.tenant} = ${tenant} AND ${c.provider} = 'hubspot' AND ${c.status} = 'connected' LIMIT 1`,
  )
  return row ? connectionOf(req, row) : null
}

/** The connection whose `config.portalId` is `portalId` (inbound webhooks name the portal). */
export const hubspotConnectionOfPortal = async (
  req: PayloadRequest,
  portalId: string,
): Promise<HubspotConnection | null> => {
  const c = integrationConnectionsTable(req)
  const [row] = await runSql<Row>(
    req,
    sql`SELECT ${c.id} AS id, ${c.tenant} AS tenant_id, ${c.config} AS config FROM ${c.$table}
        WHERE ${c.provider} = 'hubspot' AND ${c.status} = 'connected' AND ${c.config}->>'portalId' = ${portalId}
        ORDER BY ${c.createdAt} LIMIT 1`,
  )
  return row ? connectionOf(req, row) : null
}
