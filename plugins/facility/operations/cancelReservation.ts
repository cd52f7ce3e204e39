import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, OperationError, runSql, type AccessUser } from '@/core'
import type { ReservationReply } from '../contract'
import { markCancelled } from './markCancelled'
import { reservationReply } from './reservationReply'
import { memberTiersTable } from './sql/facilityTiersTable'
import { reservationsTable } from './sql/reservationsTable'

/**
 * The member (or desk staff) cancels a reservation before it starts: the door code is cleared,
 * a pending fee voided, `reservation.cancelled` emitted once. 409 when it already ended its active
 * life (cancelled, declined, completed) or has started; 404 for anyone else's.
 */
export const cancelReservation = async (req: PayloadRequest, id: string): Promise<ReservationReply> => {
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const r = reservationsTable(req)
  const m = memberTiersTable(req)
  const [row] = await runSql<{ tenant: string; status: string; started: boolean; mine: boolean }>(
    req,
    sql`SELECT r.${r.tenant} AS tenant, r.${r.status} AS status, r.${r.startAt} <= now() AS started,
               EXISTS (SELECT 1 FROM ${m.$table} m WHERE m.${m.id} = r.${r.member} AND m.${m.user} = ${req.user.id}) AS mine
        FROM ${r.$table} r WHERE r.${r.id} = ${id} FOR UPDATE`,
  )
  const user: AccessUser = req.user
  const staff = row && (isPlatformAdmin(user) || hasRoleIn(user, String(row.tenant), DESK_ROLES))
  if (!row || (!row.mine && !staff)) throw new OperationError(404, 'not_found', 'No such reservation.')
  if (!['requested', 'confirmed'].includes(row.status))
    throw new OperationError(409, 'not_active', `This reservation is already ${row.status}.`)
  if (row.started && !staff) throw new OperationError(409, 'started', 'This reservation has started; ask the desk.')
  await markCancelled(req, sql`${r.id} = ${id}`, row.mine ? 'member' : 'staff')
  return reservationReply(req, id)
}
