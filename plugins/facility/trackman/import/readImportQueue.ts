import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { facilityImportRowsTable } from '../../operations/sql/facilityImportRowsTable'
import { facilityImportsTable } from '../../operations/sql/facilityImportsTable'
import { facilityResourcesTable } from '../../operations/sql/facilityResourcesTable'
import type { ImportProgress } from './importSchemas'

export type ImportSummary = ImportProgress & { fileName: string; createdAt: string }
export type ReviewRow = {
  id: string
  importId: string
  fileName: string
  rowNumber: number
  outcome: 'unmatched' | 'overlap' | 'error'
  reason: string | null
  bay: string | null
  startAt: string | null
  endAt: string | null
  values: Record<string, string>
}

/** The admin screen's data for a tenant the caller is desk staff of: its latest imports and the review queue (pending rows, oldest first). */
export const readImportQueue = async (
  req: PayloadRequest,
  tenant: string,
  limits: { imports: number; rows: number } = { imports: 10, rows: 200 },
): Promise<{ imports: ImportSummary[]; review: ReviewRow[] }> => {
  const i = facilityImportsTable(req)
  const ir = facilityImportRowsTable(req)
  const f = facilityResourcesTable(req)
  const imports = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT ${i.id} AS id, ${i.fileName} AS file_name, ${i.status} AS status, ${i.totalRows}::int AS total, ${i.processed}::int AS processed,
               ${i.created}::int AS created, ${i.unchanged}::int AS unchanged, ${i.unmatched}::int AS unmatched,
               ${i.overlapping}::int AS overlapping, ${i.errors}::int AS errors, ${i.error} AS error, ${i.createdAt} AS created_at
        FROM ${i.$table} WHERE ${i.tenant} = ${tenant} ORDER BY ${i.createdAt} DESC LIMIT ${limits.imports}`,
  )
  const rows = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT r.${ir.id} AS id, r.${ir.import} AS import_id, i.${i.fileName} AS file_name, r.${ir.rowNumber}::int AS row_number,
               r.${ir.outcome} AS outcome, r.${ir.reason} AS reason, f.${f.name} AS bay, r.${ir.startAt} AS start_at, r.${ir.endAt} AS end_at,
               r.${ir.values} AS raw_values
        FROM ${ir.$table} r JOIN ${i.$table} i ON i.${i.id} = r.${ir.import}
        LEFT JOIN ${f.$table} f ON f.${f.id} = r.${ir.resource}
        WHERE r.${ir.tenant} = ${tenant} AND r.${ir.status} = 'pending'
        ORDER BY i.${i.createdAt}, r.${ir.rowNumber} LIMIT ${limits.rows}`,
  )
  const iso = (value: unknown) => (value ? new Date(String(value)).toISOString() : null)
  return {
    imports: imports.map((row) => {
      const total = Number(row.total ?? 0)
      const processed = Number(row.processed ?? 0)
      return {
        id: String(row.id),
        fileName: String(row.file_name),
        createdAt: iso(row.created_at) ?? '',
        status: String(row.status) as ImportSummary['status'],
        totalRows: total,
        processed,
        created: Number(row.created ?? 0),
        unchanged: Number(row.unchanged ?? 0),
        unmatched: Number(row.unmatched ?? 0),
        overlapping: Number(row.overlapping ?? 0),
        errors: Number(row.errors ?? 0),
        percent: total === 0 ? 100 : Math.min(100, Math.floor((processed * 100) / total)),
        error: row.error ? String(row.error) : null,
      }
    }),
    review: rows.map((row) => ({
      id: String(row.id),
      importId: String(row.import_id),
      fileName: String(row.file_name),
      rowNumber: Number(row.row_number),
      outcome: String(row.outcome) as ReviewRow['outcome'],
      reason: row.reason ? String(row.reason) : null,
      bay: row.bay ? String(row.bay) : null,
      startAt: iso(row.start_at),
      endAt: iso(row.end_at),
      values: (row.raw_values ?? {}) as Record<string, string>,
    })),
  }
}
