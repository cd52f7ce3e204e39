import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { getSecret, integrationConnectionsTable, runSql } from '@/core'

/** What the sync needs of a tenant's Mailchimp connection. */
export type MailchimpConnection = {
  id: string
  tenant: string
  apiKey: string
  listId: string
  /** Member tag → Mailchimp tag; when set, only these tags are synced (and switched off when the member lost them). */
  tagMap: Record<string, string> | null
  baseUrl: string | null
  /** Plan tags: the prefix of the tag of each plan (`Plan: Gold`); null turns plan tags off. */
  planTagPrefix: string | null
}

/** The default prefix of plan tags (`Plan: Gold`). */
export const DEFAULT_PLAN_TAG_PREFIX = 'Plan: '

/** `integration-connections.config` of provider `mailchimp`. */
export const mailchimpConfigSchema = z.object({
  listId: z.string().min(1).optional(),
  /** Mailchimp's newer name for a list; either may be given. */
  audienceId: z.string().min(1).optional(),
  tagMap: z.record(z.string(), z.string().min(1)).optional(),
  /** Another Marketing-API-compatible base URL (a local fake in tests); default from the key's data center. */
  baseUrl: z.string().url().optional(),
  /** The member's current plans as tags `<prefix><plan name>` (default `Plan: `); `false` sends none. */
  planTags: z.union([z.literal(false), z.object({ prefix: z.string().max(40) })]).optional(),
})

/**
 * The tenant's Mailchimp connection: core's `integration-connections` row with provider `mailchimp`,
 * status `connected`, `config` `{ listId | audienceId, tagMap?, baseUrl?, planTags? }` and encrypted
 * `credentials` `{ apiKey: '…-us21' }`. Null when the tenant has none or it is incomplete.
 */
export const mailchimpConnection = async (req: PayloadRequest, tenant: string): Promise<MailchimpConnection | null> => {
  const c = integrationConnectionsTable(req)
  const [row] = await runSql<{ id: string; config: unknown }>(
    req,
    sql`SELECT ${c.id} AS id, ${c.config} AS config FROM ${c.$table}
        WHERE ${c.tenant} = ${tenant} AND ${c.provider} = 'mailchimp' AND ${c.status} = 'connected' LIMIT 1`,
  )
  if (!row) return null
  const config = mailchimpConfigSchema.safeParse(row.config ?? {})
  const listId = config.success ? (config.data.listId ?? config.data.audienceId) : undefined
  if (!config.success || !listId) return null
  const credentials = await getSecret<{ apiKey?: string }>(req, {
    collection: 'integration-connections',
    id: String(row.id),
    field: 'credentials',
  })
  if (!credentials?.apiKey) return null
  return {
    id: String(row.id),
    tenant,
    apiKey: credentials.apiKey,
    listId,
    tagMap: config.data.tagMap ?? null,
    baseUrl: config.data.baseUrl ?? null,
    planTagPrefix: config.data.planTags === false ? null : (config.data.planTags?.prefix ?? DEFAULT_PLAN_TAG_PREFIX),
  }
}
