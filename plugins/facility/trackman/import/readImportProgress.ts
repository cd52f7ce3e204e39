import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { facilityImportsTable } from '../../operations/sql/facilityImportsTable'
import { assertImportStaff } from './importStaff'
import type { ImportProgress } from './importSchemas'

/** An import's status and counts (staff of its tenant; 404 for anyone else), for the progress bar. */
export const readImportProgress = async (req: PayloadRequest, id: string): Promise<ImportProgress> => {
  const i = facilityImportsTable(req)
  const [row] = await runSql<{
    tenant: string
    status: ImportProgress['status']
    total: number
    processed: number
    created: number
    unchanged: number
    unmatched: number
    overlapping: number
    errors: number
    error: string | null
  }>(
    req,
    sql`SELECT ${i.tenant} AS tenant, ${i.status} AS status, ${i.totalRows}::int AS total, ${i.processed}::int AS processed,
               ${i.created}::int AS created, ${i.unchanged}::int AS unchanged, ${i.unmatched}::int AS unmatched,
               ${i.overlapping}::int AS overlapping, ${i.errors}::int AS errors, ${i.error} AS error
        FROM ${i.$table} WHERE ${i.id} = ${id}`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'No such import.')
  assertImportStaff(req, String(row.tenant), 'import', false)
  const total = Number(row.total ?? 0)
  const processed = Number(row.processed ?? 0)
  return {
    id,
    status: row.status,
    totalRows: total,
    processed,
    created: Number(row.created ?? 0),
    unchanged: Number(row.unchanged ?? 0),
    unmatched: Number(row.unmatched ?? 0),
    overlapping: Number(row.overlapping ?? 0),
    errors: Number(row.errors ?? 0),
    percent: total === 0 ? 100 : Math.min(100, Math.floor((processed * 100) / total)),
    error: row.error,
  }
}
