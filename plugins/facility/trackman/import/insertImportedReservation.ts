import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, pgErrorCode, runSql } from '@/core'
import { accessWindow, type AccessCodeOptions } from '../../operations/accessCode'
import { claimReservationRoom } from '../../operations/claimReservationRoom'
import { reservationsTable } from '../../operations/sql/reservationsTable'
import { uniqueAccessCode } from '../../operations/uniqueAccessCode'

export type ImportedBay = { id: string; tenant: string; bufferBeforeMinutes: number; bufferAfterMinutes: number }

export type InsertedReservation =
  | { outcome: 'created'; reservation: string }
  | { outcome: 'unchanged'; reservation: string }
  | { outcome: 'overlap'; reason: string }

/** The tenant's reservation already holding an import key, if any. */
export const reservationOfImportKey = async (
  req: PayloadRequest,
  tenant: string,
  key: string,
): Promise<string | null> => {
  const r = reservationsTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${r.id} AS id FROM ${r.$table} WHERE ${r.tenant} = ${tenant} AND ${r.importKey} = ${key}`,
  )
  return row ? String(row.id) : null
}

/**
 * One INSERT of a reservation read from a Trackman export, keyed by its import key (unique per
 * tenant). A booking still ahead is `confirmed` with a door code; one already over is `completed`
 * (it holds nothing). The exclusion constraint decides overlaps with the bay's active reservations
 * (buffers included): its refusal (23P01), or a shared room's class then (409 `room_busy`), is the
 * outcome `overlap`, not an error; a key already taken (23505 on (tenant, importKey)) is
 * `unchanged`. Runs under a savepoint, so a refusal leaves the caller's transaction usable.
 */
export const insertImportedReservation = async (
  req: PayloadRequest,
  input: { bay: ImportedBay; member: string; startAt: Date; endAt: Date; key: string; notes: string | null },
  codes: AccessCodeOptions,
): Promise<InsertedReservation> => {
  const { bay, startAt, endAt } = input
  const r = reservationsTable(req)
  const id = randomUUID()
  const status = endAt.getTime() > Date.now() ? 'confirmed' : 'completed'
  const blockedFrom = new Date(startAt.getTime() - bay.bufferBeforeMinutes * 60_000)
  const blockedUntil = new Date(endAt.getTime() + bay.bufferAfterMinutes * 60_000)
  const access = accessWindow(startAt, endAt, codes)
  await runSql(req, sql`SAVEPOINT facility_import_row`)
  try {
    const code = status === 'confirmed' ? await uniqueAccessCode(req, bay.tenant, codes.digits) : null
    if (status === 'confirmed')
      await claimReservationRoom(req, { resource: bay.id, from: blockedFrom, until: blockedUntil })
    await runSql(
      req,
      sql`INSERT INTO ${r.$table} (${r.id}, ${r.tenant}, ${r.resource}, ${r.member}, ${r.startAt}, ${r.endAt}, ${r.blockedFrom}, ${r.blockedUntil},
                                   ${r.durationMinutes}, ${r.status}, ${r.source}, ${r.accessCode}, ${r.accessValidFrom}, ${r.accessValidUntil},
                                   ${r.notes}, ${r.importKey})
          VALUES (${id}, ${bay.tenant}, ${bay.id}, ${input.member}, ${startAt.toISOString()}::timestamptz, ${endAt.toISOString()}::timestamptz,
                  ${blockedFrom.toISOString()}::timestamptz, ${blockedUntil.toISOString()}::timestamptz,
                  ${(endAt.getTime() - startAt.getTime()) / 60_000}, ${status}::${r.$enum.status}, 'staff'::${r.$enum.source},
                  ${code}, ${code ? access.from.toISOString() : null}::timestamptz, ${code ? access.until.toISOString() : null}::timestamptz,
                  ${input.notes}, ${input.key})`,
    )
    await runSql(req, sql`RELEASE SAVEPOINT facility_import_row`)
    return { outcome: 'created', reservation: id }
  } catch (error) {
    await runSql(req, sql`ROLLBACK TO SAVEPOINT facility_import_row`)
    if (pgErrorCode(error) === '23P01')
      return { outcome: 'overlap', reason: 'The bay is already reserved for part of that time (buffers included).' }
    if (error instanceof OperationError && error.code === 'room_busy')
      return { outcome: 'overlap', reason: error.message }
    if (pgErrorCode(error) === '23505') {
      const existing = await reservationOfImportKey(req, bay.tenant, input.key)
      if (existing) return { outcome: 'unchanged', reservation: existing }
    }
    throw error
  }
}
