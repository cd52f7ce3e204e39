import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, OperationError, runSql, type AccessUser } from '@/core'
import type { ReservationReply } from '../contract'
import { reservationReply } from './reservationReply'
import { endFees } from './endFees'
import { reservationsTable } from './sql/reservationsTable'

/**
 * Desk staff decline a requested reservation: it stops holding the bay (`declined` leaves the
 * exclusion constraint) its pending fee snapshot is voided and guest passes given back (`endFees`). 409 `not_requested` otherwise.
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
  await endFees(req, [id], 'Reservation declined')
  return reservationReply(req, id)
}
