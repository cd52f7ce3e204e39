import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, localDate, lockKey, runSql } from '@/core'
import type { AccessCodeOptions } from '../../operations/accessCode'
import { facilityZone } from '../../operations/facilityZone'
import { facilityImportRowsTable } from '../../operations/sql/facilityImportRowsTable'
import { facilityImportsTable } from '../../operations/sql/facilityImportsTable'
import type { ImportMatch, ImportOutcome, ImportRowStatus } from '../../types'
import { importBays, type ImportBay } from './importBays'
import { rawValues, readImportRows, type ImportRow } from './importColumns'
import { importRowKey } from './importIdentity'
import { insertImportedReservation, reservationOfImportKey } from './insertImportedReservation'
import { localInstant } from './localInstant'
import { matchImportMember } from './matchImportMember'

/** Serialises the import work of a tenant (rows of concurrent imports, a review resolve) until the transaction ends. */
export const importLockKey = (tenant: string) => `facility-import:${tenant}`

type Result = {
  outcome: ImportOutcome
  status: ImportRowStatus
  reason: string | null
  member: string | null
  matchedBy: ImportMatch | null
  reservation: string | null
}

/** A row's bay, instants and key, read in the bay's zone (the tenant's when the bay is unknown). */
export const readImportRow = (row: ImportRow, bays: Map<string, ImportBay>, tenantZone: string) => {
  const bay = bays.get(row.bay.trim().toLowerCase()) ?? null
  const zone = bay?.zone ?? tenantZone
  const startAt = localInstant(row.start, zone, row.date)
  let endAt: Date | null = null
  if (row.end) endAt = localInstant(row.end, zone, row.date || (startAt ? localDate(startAt, zone) : ''))
  else if (/^\d+$/.test(row.duration) && startAt) endAt = new Date(startAt.getTime() + Number(row.duration) * 60_000)
  const key = importRowKey({
    bookingId: row.bookingId,
    bay: row.bay,
    start: startAt?.toISOString() ?? row.start,
    end: endAt?.toISOString() ?? (row.end || row.duration),
    email: row.email,
    phone: row.phone,
    name: row.name,
  })
  let problem: string | null = null
  if (!bay) problem = row.bay ? `No bay, court or room named "${row.bay}"` : 'The row names no bay'
  else if (!startAt) problem = `Unreadable start "${row.start}"`
  else if (!endAt) problem = row.end ? `Unreadable end "${row.end}"` : `Unreadable duration "${row.duration}"`
  else if (endAt.getTime() <= startAt.getTime()) problem = 'The booking ends before it starts'
  return { bay, startAt, endAt, key, problem }
}

const counterOf: Record<ImportOutcome, 'created' | 'unchanged' | 'unmatched' | 'overlapping' | 'errors'> = {
  created: 'created',
  unchanged: 'unchanged',
  unmatched: 'unmatched',
  overlap: 'overlapping',
  error: 'errors',
}

/**
 * One batch of an import (the `facilityTrackmanImport` job): the next `batchSize` rows after
 * `processed`, each in its own transaction under the tenant's import lock:
 * 1. a row already recorded for this import (a retried job) is skipped;
 * 2. a row whose key (Trackman booking id, else a hash of bay, times and person) a reservation of
 *    the tenant holds, or an earlier import left pending or ignored, is `unchanged`;
 * 3. an unknown bay or unreadable time is `error`; no member (email → phone → unique name) `unmatched`;
 * 4. otherwise one INSERT of the reservation: `created`, or `overlap` when the exclusion constraint refuses it.
 * Unmatched, overlap and error rows wait in the review queue (`pending`). The row's record and the
 * import's counts are written in the row's transaction, the counts by one UPDATE conditional on
 * `processed` being this row's index, so each row counts once. The import is `done` when all are.
 */
export const processImportBatch = async (
  req: PayloadRequest,
  importId: string,
  options: { batchSize: number; codes: AccessCodeOptions },
): Promise<{ more: boolean }> => {
  const i = facilityImportsTable(req)
  const [upload] = await runSql<{ tenant: string; csv: string; processed: number }>(
    req,
    sql`UPDATE ${i.$table} SET ${i.status} = 'running', ${i.updatedAt} = now()
        WHERE ${i.id} = ${importId} AND ${i.status} IN ('queued', 'running')
        RETURNING ${i.tenant} AS tenant, ${i.csv} AS csv, ${i.processed}::int AS processed`,
  )
  if (!upload) return { more: false }
  const tenant = String(upload.tenant)
  let parsed: ReturnType<typeof readImportRows>
  try {
    parsed = readImportRows(upload.csv)
  } catch (error) {
    await runSql(
      req,
      sql`UPDATE ${i.$table} SET ${i.status} = 'failed', ${i.error} = ${error instanceof Error ? error.message : String(error)},
            ${i.finishedAt} = now(), ${i.updatedAt} = now() WHERE ${i.id} = ${importId}`,
    )
    return { more: false }
  }
  const bays = await importBays(req, tenant)
  const tenantZone = await facilityZone(req, { tenant })
  const start = Number(upload.processed)
  for (let index = start; index < Math.min(parsed.rows.length, start + options.batchSize); index++) {
    const row = parsed.rows[index]
    const values = rawValues(parsed.headers, parsed.raw[index])
    const read = readImportRow(row, bays, tenantZone)
    const rowReq = { ...req, transactionID: undefined } as PayloadRequest
    try {
      await inTransaction(rowReq, () =>
        importOneRow(rowReq, { importId, tenant, index, row, values, read }, options.codes),
      )
    } catch (error) {
      const failed = { ...req, transactionID: undefined } as PayloadRequest
      const reason = `Could not import: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500)
      await inTransaction(failed, () =>
        recordRow(
          failed,
          { importId, tenant, index, row, values, read },
          {
            outcome: 'error',
            status: 'pending',
            reason,
            member: null,
            matchedBy: null,
            reservation: null,
          },
        ),
      )
    }
  }
  const [finished] = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${i.$table} SET ${i.status} = 'done', ${i.finishedAt} = now(), ${i.updatedAt} = now()
        WHERE ${i.id} = ${importId} AND ${i.status} = 'running' AND ${i.processed} >= ${i.totalRows}
        RETURNING ${i.id} AS id`,
  )
  return { more: !finished }
}

type RowInput = {
  importId: string
  tenant: string
  index: number
  row: ImportRow
  values: Record<string, string>
  read: ReturnType<typeof readImportRow>
}

const importOneRow = async (req: PayloadRequest, input: RowInput, codes: AccessCodeOptions) => {
  const { importId, tenant, row, read } = input
  await lockKey(req, importLockKey(tenant))
  const ir = facilityImportRowsTable(req)
  const [seen] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${ir.id} AS id FROM ${ir.$table} WHERE ${ir.tenant} = ${tenant} AND ${ir.import} = ${importId} AND ${ir.rowNumber} = ${row.line}`,
  )
  if (seen) return
  const none = { member: null, matchedBy: null, reservation: null }
  const existing = await reservationOfImportKey(req, tenant, read.key)
  if (existing)
    return recordRow(req, input, {
      ...none,
      outcome: 'unchanged',
      status: 'done',
      reason: 'Already imported',
      reservation: existing,
    })
  const [queued] = await runSql<{ status: string }>(
    req,
    sql`SELECT ${ir.status} AS status FROM ${ir.$table}
        WHERE ${ir.tenant} = ${tenant} AND ${ir.rowKey} = ${read.key} AND ${ir.status} IN ('pending', 'ignored') AND ${ir.import} <> ${importId}
        LIMIT 1`,
  )
  if (queued)
    return recordRow(req, input, {
      ...none,
      outcome: 'unchanged',
      status: 'done',
      reason: queued.status === 'ignored' ? 'Ignored in an earlier import' : 'Already in the review queue',
    })
  if (read.problem || !read.bay || !read.startAt || !read.endAt)
    return recordRow(req, input, { ...none, outcome: 'error', status: 'pending', reason: read.problem })
  const match = await matchImportMember(req, tenant, row)
  if (match.member === null)
    return recordRow(req, input, { ...none, outcome: 'unmatched', status: 'pending', reason: match.reason })
  const inserted = await insertImportedReservation(
    req,
    {
      bay: read.bay,
      member: match.member,
      startAt: read.startAt,
      endAt: read.endAt,
      key: read.key,
      notes: row.bookingId ? `Trackman booking ${row.bookingId}` : 'Imported from Trackman',
    },
    codes,
  )
  const matched = { member: match.member, matchedBy: match.matchedBy }
  if (inserted.outcome === 'overlap')
    return recordRow(req, input, {
      ...matched,
      outcome: 'overlap',
      status: 'pending',
      reason: inserted.reason,
      reservation: null,
    })
  return recordRow(req, input, {
    ...matched,
    outcome: inserted.outcome,
    status: 'done',
    reason: inserted.outcome === 'unchanged' ? 'Already imported' : null,
    reservation: inserted.reservation,
  })
}

/** The row's record and the import's counts (once: conditional on `processed` being this row's index, else it throws). */
const recordRow = async (req: PayloadRequest, input: RowInput, result: Result) => {
  const { importId, tenant, index, row, values, read } = input
  const ir = facilityImportRowsTable(req)
  const i = facilityImportsTable(req)
  const counter = i[counterOf[result.outcome]]
  const counted = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${i.$table} SET ${i.processed} = ${i.processed} + 1, ${counter} = ${counter} + 1, ${i.updatedAt} = now()
        WHERE ${i.id} = ${importId} AND ${i.processed} = ${index} RETURNING ${i.id} AS id`,
  )
  // Out of step (the row before it was not counted): nothing of this row may commit; the job retries.
  if (counted.length === 0) throw new Error(`Row ${row.line} of the import is out of step with its count.`)
  await runSql(
    req,
    sql`INSERT INTO ${ir.$table} (${ir.tenant}, ${ir.import}, ${ir.rowNumber}, ${ir.rowKey}, ${ir.values}, ${ir.resource}, ${ir.startAt}, ${ir.endAt},
                                  ${ir.outcome}, ${ir.matchedBy}, ${ir.reason}, ${ir.member}, ${ir.reservation}, ${ir.status})
        VALUES (${tenant}, ${importId}, ${row.line}, ${read.key}, ${JSON.stringify(values)}::jsonb, ${read.bay?.id ?? null},
                ${read.startAt?.toISOString() ?? null}::timestamptz, ${read.endAt?.toISOString() ?? null}::timestamptz,
                ${result.outcome}::${ir.$enum.outcome}, ${result.matchedBy}::${ir.$enum.matchedBy}, ${result.reason}, ${result.member},
                ${result.reservation}, ${result.status}::${ir.$enum.status})`,
  )
}
