import type { Endpoint } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, endpointHandler, runSql, tenantMembershipsTable } from '@/core'
import type { MyNotifications } from '../../contract'
import { notificationsTable } from '../../operations/sql/automationsTable'

/**
 * `GET /api/notifications/mine?tenant=<id>` (tenant optional): the signed-in user's latest 20
 * notifications over their memberships and the unread count (the site's bell). Served by the
 * (member, readAt, createdAt) index.
 */
export const myNotificationsEndpoint: Endpoint = {
  path: '/mine',
  method: 'get',
  handler: endpointHandler(
    async (req): Promise<MyNotifications> => {
      if (!req.user || req.user.collection !== 'users')
        throw new OperationError(401, 'unauthenticated', 'Sign in first.')
      const tenant = typeof req.query?.tenant === 'string' ? req.query.tenant : null
      const n = notificationsTable(req)
      const m = tenantMembershipsTable(req)
      const mine = sql`${n.member} IN (SELECT ${m.id} FROM ${m.$table} WHERE ${m.user} = ${String(req.user.id)}
        ${tenant ? sql`AND ${m.tenant} = ${tenant}` : sql``})`
      const docs = await runSql<{
        id: string
        title: string
        message: string | null
        action_url: string | null
        read_at: Date | null
        created_at: Date
      }>(
        req,
        sql`SELECT ${n.id} AS id, ${n.title} AS title, ${n.message} AS message, ${n.actionUrl} AS action_url, ${n.readAt} AS read_at,
                   ${n.createdAt} AS created_at
            FROM ${n} WHERE ${mine} ORDER BY ${n.createdAt} DESC LIMIT 20`,
      )
      const [{ unread }] = await runSql<{ unread: number }>(
        req,
        sql`SELECT count(*)::int AS unread FROM ${n} WHERE ${mine} AND ${n.readAt} IS NULL`,
      )
      return {
        unread,
        docs: docs.map((d) => ({
          id: String(d.id),
          title: d.title,
          message: d.message,
          actionUrl: d.action_url,
          readAt: d.read_at ? new Date(d.read_at).toISOString() : null,
          createdAt: new Date(d.created_at).toISOString(),
        })),
      }
    },
    { requireUser: true },
  ),
}
