import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { facilityZone } from '../../operations/facilityZone'
import { facilityResourcesTable } from '../../operations/sql/facilityResourcesTable'
import type { ImportedBay } from './insertImportedReservation'

export type ImportBay = ImportedBay & { zone: string }

/**
 * The tenant's resources (not trashed) by what an export may call them: the Trackman bay id and
 * the name, both case-insensitive; each with its buffers and the IANA zone its times are read in.
 */
export const importBays = async (req: PayloadRequest, tenant: string): Promise<Map<string, ImportBay>> => {
  const f = facilityResourcesTable(req)
  const rows = await runSql<{
    id: string
    name: string
    bay_id: string | null
    location: string | null
    before: number | null
    after: number | null
  }>(
    req,
    sql`SELECT ${f.id} AS id, ${f.name} AS name, ${f.trackmanBayId} AS bay_id, ${f.location} AS location,
               ${f.bufferBeforeMinutes}::int AS before, ${f.bufferAfterMinutes}::int AS after
        FROM ${f.$table} WHERE ${f.tenant} = ${tenant} AND ${f.deletedAt} IS NULL`,
  )
  const zones = new Map<string | null, string>()
  const byName = new Map<string, ImportBay>()
  const byBayId = new Map<string, ImportBay>()
  for (const row of rows) {
    if (!zones.has(row.location)) zones.set(row.location, await facilityZone(req, { tenant, location: row.location }))
    const bay: ImportBay = {
      id: String(row.id),
      tenant,
      bufferBeforeMinutes: Number(row.before ?? 0),
      bufferAfterMinutes: Number(row.after ?? 0),
      zone: zones.get(row.location)!,
    }
    byName.set(row.name.trim().toLowerCase(), bay)
    if (row.bay_id?.trim()) byBayId.set(row.bay_id.trim().toLowerCase(), bay)
  }
  // A Trackman bay id wins over another resource's name.
  return new Map([...byName, ...byBayId])
}
