import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantsTable } from '@/core'
import { websiteSettingsTable } from './sql/websiteSqlTables'

export type WebsiteSettings = {
  autoPublish: boolean
  weeklyPublishCap: number
  timezone: string
  slug: string
  name: string
}

/** The tenant's blog policy (tenant-settings.website, defaults filled in) and its zone, slug and name. */
export const websiteSettings = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  tenant: string,
  defaultCap: number,
): Promise<WebsiteSettings | null> => {
  const t = tenantsTable(req)
  const s = websiteSettingsTable(req)
  const [row] = await runSql<{
    timezone: string
    slug: string
    name: string
    auto: boolean | null
    cap: number | null
  }>(
    req,
    sql`SELECT t.${t.timezone} AS timezone, t.${t.slug} AS slug, t.${t.name} AS name, s.${s.autoPublish} AS auto, s.${s.weeklyPublishCap} AS cap
        FROM ${t.$table} t LEFT JOIN ${s.$table} s ON s.${s.tenant} = t.${t.id} WHERE t.${t.id} = ${tenant}`,
  )
  if (!row) return null
  return {
    autoPublish: Boolean(row.auto),
    weeklyPublishCap: row.cap ?? defaultCap,
    timezone: row.timezone,
    slug: row.slug,
    name: row.name,
  }
}
