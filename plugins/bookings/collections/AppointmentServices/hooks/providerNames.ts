import type { FieldHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, runSql } from '@/core'

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
  const rows = await runSql<{ id: string; name: string }>(
    req,
    sql`SELECT id, profile_display_name AS name FROM tenant_memberships
        WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND status = 'active' AND profile_display_name IS NOT NULL`,
    { prepared: true },
  )
  const byId = new Map(rows.map((row) => [String(row.id), row.name]))
  return ids.flatMap((id) => (byId.has(id) ? [{ id, name: byId.get(id)! }] : []))
}
