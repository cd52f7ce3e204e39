import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { resolveViewer } from './mayAccess'
import { coursesTable } from './sql/coursesTable'

/**
 * The course's tenant and the signed-in user's membership of it, for what a member does with a
 * course (`to`, e.g. "enrol here"): 404 when there is no such course, 401 when signed out, 403
 * `not_a_member` when the user is not a member of the course's business.
 */
export const courseMember = async (
  req: PayloadRequest,
  course: string,
  to: string,
): Promise<{ tenant: string; member: string }> => {
  const c = coursesTable(req)
  const [row] = await runSql<{ tenant: string }>(
    req,
    sql`SELECT ${c.tenant} AS tenant FROM ${c.$table} WHERE ${c.id} = ${course}`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'Not found.')
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const { member } = await resolveViewer(req, row.tenant, undefined)
  if (!member) throw new OperationError(403, 'not_a_member', `Only members of this business can ${to}.`)
  return { tenant: row.tenant, member }
}
