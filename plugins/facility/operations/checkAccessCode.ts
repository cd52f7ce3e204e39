import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, OperationError, runSql, type AccessUser } from '@/core'
import { accessCheckInput, type AccessCheckReply } from '../contract'
import { reservationsTable } from './sql/reservationsTable'

/**
 * Does a door code open now (or at `at`)? Only a confirmed reservation's code, inside its window
 * (start − lead to end + grace). A cancelled reservation's code was cleared, so it opens nothing.
 * Asked by desk staff or the door controller's service user.
 */
export const checkAccessCode = async (req: PayloadRequest, raw: unknown): Promise<AccessCheckReply> => {
  const input = accessCheckInput.parse(raw)
  const user: AccessUser = req.user
  if (!user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  if (!isPlatformAdmin(user) && !hasRoleIn(user, input.tenant, DESK_ROLES))
    throw new OperationError(403, 'forbidden', 'Only desk staff may check door codes.')
  const at = input.at ? new Date(input.at) : new Date()
  const r = reservationsTable(req)
  const [row] = await runSql<{ id: string; status: string; opens: boolean }>(
    req,
    sql`SELECT ${r.id} AS id, ${r.status} AS status,
               (${r.accessValidFrom} <= ${at.toISOString()}::timestamptz AND ${at.toISOString()}::timestamptz < ${r.accessValidUntil}) AS opens
        FROM ${r.$table} WHERE ${r.tenant} = ${input.tenant} AND ${r.accessCode} = ${input.code} AND ${r.status} = 'confirmed' LIMIT 1`,
  )
  if (!row) return { valid: false, reservation: null, reason: 'unknown_code' }
  return { valid: Boolean(row.opens), reservation: String(row.id), reason: row.opens ? 'ok' : 'outside_window' }
}
