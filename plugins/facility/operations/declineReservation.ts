import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, OperationError, runSql, type AccessUser } from '@/core'
import type { ReservationReply } from '../contract'
import { reservationReply } from './reservationReply'
import { feeSnapshotsTable } from './sql/feeSnapshotsTable'
import { reservationsTable } from './sql/reservationsTable'

/**
 * Desk staff decline a requested reservation: it stops holding the bay (`declined` leaves the
 * exclusion constraint) and its pending fee snapshot is voided. 409 `not_requested` otherwise.
 * Trackman only ever sees confirmed reservations, so there is nothing to tell it.
 */
export const declineReservation = async (req: PayloadRequest, id: string): Promise<ReservationReply> => {
  const r = reservationsTable(req)
  const [row] = await runSql<{ tenant: string; status: string }>(
    req,
    sql`SELECT ${r.tenant} AS tenant, ${r.status} AS status FROM ${r.$table} WHERE ${r.id} = ${id} FOR UPDATE`,
  )
  const user: AccessUser = req.user
  if (!row || !(isPlatformAdmin(user) || hasRoleIn(user, String(row.tenant), DESK_ROLES)))
    throw new OperationError(404, 'not_found', 'No such reservation.')
  if (row.status !== 'requested') throw new OperationError(409, 'not_requested', `This reservation is ${row.status}.`)
  await runSql(
    req,
    sql`UPDATE ${r.$table} SET ${r.status} = 'declined', ${r.accessCode} = NULL, ${r.accessValidFrom} = NULL,
          ${r.accessValidUntil} = NULL, ${r.updatedAt} = now() WHERE ${r.id} = ${id}`,
  )
  const f = feeSnapshotsTable(req)
  await runSql(
    req,
    sql`UPDATE ${f.$table} SET ${f.status} = 'void', ${f.updatedAt} = now() WHERE ${f.reservation} = ${id} AND ${f.status} = 'pending'`,
  )
  return reservationReply(req, id)
}
