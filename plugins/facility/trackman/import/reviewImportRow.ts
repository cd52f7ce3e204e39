import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { lockKey, OperationError, runSql } from '@/core'
import type { AccessCodeOptions } from '../../operations/accessCode'
import { facilityImportRowsTable } from '../../operations/sql/facilityImportRowsTable'
import { importMembershipsTable } from '../../operations/sql/importPeopleTables'
import { importBays } from './importBays'
import { resolveImportRowInput } from './importSchemas'
import { importLockKey } from './processImportBatch'
import { insertImportedReservation } from './insertImportedReservation'
import { assertImportStaff } from './importStaff'

type PendingRow = {
  tenant: string
  status: string
  outcome: string
  resource: string | null
  start_at: string | null
  end_at: string | null
  row_key: string
}

/** The row, locked, after the tenant's import lock; 404 for anyone but desk staff of its tenant, 409 once reviewed. */
const pendingRow = async (req: PayloadRequest, id: string): Promise<PendingRow> => {
  const ir = facilityImportRowsTable(req)
  const read = () =>
    runSql<PendingRow>(
      req,
      sql`SELECT ${ir.tenant} AS tenant, ${ir.status} AS status, ${ir.outcome} AS outcome, ${ir.resource} AS resource,
                 ${ir.startAt} AS start_at, ${ir.endAt} AS end_at, ${ir.rowKey} AS row_key
          FROM ${ir.$table} WHERE ${ir.id} = ${id} FOR UPDATE`,
    )
  const [first] = await read()
  const tenant = first ? String(first.tenant) : null
  assertImportStaff(req, tenant, 'import row')
  await lockKey(req, importLockKey(tenant))
  const [row] = await read()
  if (row.status !== 'pending')
    throw new OperationError(
      409,
      'already_reviewed',
      `This row was already ${row.status === 'ignored' ? 'ignored' : 'resolved'}.`,
    )
  return { ...row, tenant }
}

const reviewer = (req: PayloadRequest) => (req.user?.collection === 'users' ? String(req.user.id) : null)

/**
 * Staff assign a member to a row of the review queue (no member matched, or the bay was taken
 * then): its reservation is created with the row's key as an import would have (409 `slot_taken`
 * while the bay is still taken; 409 `unreadable_row` for a row without a known bay and times, which
 * can only be ignored) and the row is `resolved` with it. Under the tenant's import lock, so it
 * never races an import of the same rows.
 */
export const resolveImportRow = async (
  req: PayloadRequest,
  id: string,
  raw: unknown,
  codes: AccessCodeOptions,
): Promise<{ id: string; status: 'resolved'; reservation: string; created: boolean }> => {
  const { member } = resolveImportRowInput.parse(raw)
  const row = await pendingRow(req, id)
  if (!row.resource || !row.start_at || !row.end_at)
    throw new OperationError(
      409,
      'unreadable_row',
      'This row names no known bay or no readable times: ignore it and book the bay by hand.',
    )
  const m = importMembershipsTable(req)
  const [active] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.id} = ${member} AND ${m.tenant} = ${row.tenant} AND ${m.status} = 'active'`,
  )
  if (!active) throw new OperationError(404, 'member_not_found', 'No active member with that id in this business.')
  const bay = [...(await importBays(req, row.tenant)).values()].find((b) => b.id === String(row.resource))
  if (!bay) throw new OperationError(409, 'unreadable_row', 'The bay of this row no longer exists.')
  const bookingId = row.row_key.startsWith('tm:') ? row.row_key.slice(3) : null
  const inserted = await insertImportedReservation(
    req,
    {
      bay,
      member,
      startAt: new Date(row.start_at),
      endAt: new Date(row.end_at),
      key: row.row_key,
      notes: bookingId ? `Trackman booking ${bookingId}` : 'Imported from Trackman',
    },
    codes,
  )
  if (inserted.outcome === 'overlap') throw new OperationError(409, 'slot_taken', inserted.reason)
  const ir = facilityImportRowsTable(req)
  await runSql(
    req,
    sql`UPDATE ${ir.$table} SET ${ir.status} = 'resolved', ${ir.member} = ${member}, ${ir.matchedBy} = 'staff',
          ${ir.reservation} = ${inserted.reservation}, ${ir.resolvedAt} = now(), ${ir.resolvedBy} = ${reviewer(req)}, ${ir.updatedAt} = now()
        WHERE ${ir.id} = ${id} AND ${ir.status} = 'pending'`,
  )
  return { id, status: 'resolved', reservation: inserted.reservation, created: inserted.outcome === 'created' }
}

/** Staff take a row off the review queue without a reservation (`ignored`; a re-import leaves it so). */
export const ignoreImportRow = async (req: PayloadRequest, id: string): Promise<{ id: string; status: 'ignored' }> => {
  await pendingRow(req, id)
  const ir = facilityImportRowsTable(req)
  await runSql(
    req,
    sql`UPDATE ${ir.$table} SET ${ir.status} = 'ignored', ${ir.resolvedAt} = now(), ${ir.resolvedBy} = ${reviewer(req)}, ${ir.updatedAt} = now()
        WHERE ${ir.id} = ${id} AND ${ir.status} = 'pending'`,
  )
  return { id, status: 'ignored' }
}
