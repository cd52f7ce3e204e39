import type { Endpoint } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import {
  endpointHandler,
  hasRoleIn,
  isPlatformAdmin,
  MANAGER_ROLES,
  OperationError,
  runSql,
  type AccessUser,
} from '@/core'
import { applyClosure } from '../operations/applyClosure'
import { closuresTable } from '../operations/sql/closuresTable'
import { emptyBody, idParam } from './schemas'

/**
 * POST /api/closures/:id/apply (managers) → 200 { cancelled }: cancels the reservations the
 * closure overlaps that are still active (saving the closure already did; re-running is a no-op
 * unless reservations were made through the admin since).
 */
export const applyClosureEndpoint: Endpoint = {
  path: '/:id/apply',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => {
      emptyBody.parse(body)
      const { id } = idParam.parse(req.routeParams)
      const c = closuresTable(req)
      const [row] = await runSql<{ tenant: string }>(
        req,
        sql`SELECT ${c.tenant} AS tenant FROM ${c.$table} WHERE ${c.id} = ${id}`,
      )
      const user: AccessUser = req.user
      if (!row || !(isPlatformAdmin(user) || hasRoleIn(user, String(row.tenant), MANAGER_ROLES)))
        throw new OperationError(404, 'not_found', 'No such closure.')
      return { cancelled: await applyClosure(req, id) }
    },
    { status: 200, requireUser: true },
  ),
}
