import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, emit, hasRoleIn, isPlatformAdmin, OperationError, runSql, type AccessUser } from '@/core'
import type { ReservationReply } from '../contract'
import type { AccessCodeOptions } from './accessCode'
import { accessWindow } from './accessCode'
import { reservationReply } from './reservationReply'
import { reservationsTable } from './sql/reservationsTable'
import { uniqueAccessCode } from './uniqueAccessCode'

/** Desk staff approve a requested reservation (it already holds the bay): confirmed, with a door code. */
export const approveReservation = async (
  req: PayloadRequest,
  id: string,
  codes: AccessCodeOptions,
): Promise<ReservationReply> => {
  const r = reservationsTable(req)
  const [row] = await runSql<{
    tenant: string
    status: string
    start_at: string
    end_at: string
    resource: string
    member: string
  }>(
    req,
    sql`SELECT ${r.tenant} AS tenant, ${r.status} AS status, ${r.startAt} AS start_at, ${r.endAt} AS end_at, ${r.resource} AS resource,
               ${r.member} AS member FROM ${r.$table} WHERE ${r.id} = ${id} FOR UPDATE`,
  )
  const user: AccessUser = req.user
  if (!row || !(isPlatformAdmin(user) || hasRoleIn(user, String(row.tenant), DESK_ROLES)))
    throw new OperationError(404, 'not_found', 'No such reservation.')
  if (row.status !== 'requested') throw new OperationError(409, 'not_requested', `This reservation is ${row.status}.`)
  const startAt = new Date(row.start_at)
  const access = accessWindow(startAt, new Date(row.end_at), codes)
  const code = await uniqueAccessCode(req, String(row.tenant), codes.digits)
  await runSql(
    req,
    sql`UPDATE ${r.$table} SET ${r.status} = 'confirmed', ${r.accessCode} = ${code}, ${r.accessValidFrom} = ${access.from.toISOString()}::timestamptz,
          ${r.accessValidUntil} = ${access.until.toISOString()}::timestamptz, ${r.updatedAt} = now() WHERE ${r.id} = ${id}`,
  )
  await emit(req, {
    type: 'reservation.approved',
    tenant: String(row.tenant),
    subject: { collection: 'reservations', id },
    data: {
      reservation: id,
      resource: String(row.resource),
      member: String(row.member),
      startAt: startAt.toISOString(),
    },
  })
  return reservationReply(req, id)
}
