import type { FieldHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, runSql, tenantMembershipsTable } from '@/core'

export type ProviderName = { id: string; name: string }

/**
 * The public names of a service's providers (`providerNames`, read-only, not stored): each
 * provider's display name from their membership, the same name the public schedule shows for an
 * instructor. Memberships themselves stay private; only active providers with a name are listed.
 */
export const providerNames: FieldHook = async ({ siblingData, req }): Promise<ProviderName[]> => {
  const ids = ((siblingData?.providers as unknown[] | undefined) ?? [])
    .map((p) => idOf(p))
    .filter((id): id is string => Boolean(id))
  if (ids.length === 0) return []
  const m = tenantMembershipsTable(req)
  const rows = await runSql<{ id: string; name: string }>(
    req,
    sql`SELECT ${m.id} AS id, ${m.displayName} AS name FROM ${m.$table}
        WHERE ${m.id} = ANY(${`{${ids.join(',')}}`}::uuid[]) AND ${m.status} = 'active' AND ${m.displayName} IS NOT NULL`,
    { prepared: true },
  )
  const byId = new Map(rows.map((row) => [String(row.id), row.name]))
  return ids.flatMap((id) => (byId.has(id) ? [{ id, name: byId.get(id)! }] : []))
}
