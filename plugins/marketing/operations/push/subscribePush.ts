import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, memberOfUser, runSql, tenantsTable } from '@/core'
import { pushSubscribeInput, type PushSubscribeReply } from '../../contract'
import { pushSubscriptionsTable } from '../sql/pushSubscriptionsTable'
import { isPrivatePushHost } from './isPrivatePushHost'

/** Most subscriptions one member keeps (the most recently subscribed); older ones are removed. */
export const MAX_SUBSCRIPTIONS_PER_MEMBER = 20

/** The tenant by id or slug (404 when there is none). */
export const tenantIdOf = async (req: PayloadRequest, ref: string): Promise<string> => {
  const t = tenantsTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    /^[0-9a-f-]{36}$/i.test(ref)
      ? sql`SELECT ${t.id} AS id FROM ${t.$table} WHERE ${t.id} = ${ref} LIMIT 1`
      : sql`SELECT ${t.id} AS id FROM ${t.$table} WHERE ${t.slug} = ${ref} LIMIT 1`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'No such business.')
  return String(row.id)
}

/**
 * The signed-in person subscribes this browser for their active membership of `tenant`: one
 * `INSERT … ON CONFLICT (tenant, endpoint) DO UPDATE` (the browser's row moves to the caller, its
 * keys are renewed and it is enabled again), so subscribing twice changes nothing. The member is
 * always the caller's own: the body names no member.
 */
export const subscribePush = async (
  req: PayloadRequest,
  body: unknown,
): Promise<{ status: 200 | 201; reply: PushSubscribeReply }> => {
  const input = pushSubscribeInput.parse(body)
  // The server POSTs to the endpoint: in production never to this network's own hosts.
  if (process.env.NODE_ENV === 'production' && isPrivatePushHost(new URL(input.subscription.endpoint).hostname))
    throw new OperationError(400, 'invalid_input', 'endpoint must be the URL of a public push service.')
  const tenant = await tenantIdOf(req, input.tenant)
  const member = await memberOfUser(req, tenant, 'Only members of this business can turn on its push notifications.')
  const p = pushSubscriptionsTable(req)
  const { endpoint, keys } = input.subscription
  const userAgent = input.userAgent ?? req.headers.get('user-agent')?.slice(0, 500) ?? null
  const [row] = await runSql<{ id: string; inserted: boolean }>(
    req,
    sql`INSERT INTO ${p} (${p.tenant}, ${p.member}, ${p.endpoint}, ${p.p256dh}, ${p.auth}, ${p.userAgent}, ${p.failures},
                          ${p.createdAt}, ${p.updatedAt})
        VALUES (${tenant}, ${member.id}, ${endpoint}, ${keys.p256dh}, ${keys.auth}, ${userAgent}, 0, now(), now())
        ON CONFLICT (${sql.raw(p.$column.tenant)}, ${sql.raw(p.$column.endpoint)}) DO UPDATE
        SET ${sql.raw(p.$column.member)} = excluded.${sql.raw(p.$column.member)},
            ${sql.raw(p.$column.p256dh)} = excluded.${sql.raw(p.$column.p256dh)},
            ${sql.raw(p.$column.auth)} = excluded.${sql.raw(p.$column.auth)},
            ${sql.raw(p.$column.userAgent)} = excluded.${sql.raw(p.$column.userAgent)},
            ${sql.raw(p.$column.failures)} = 0, ${sql.raw(p.$column.disabledAt)} = NULL,
            ${sql.raw(p.$column.updatedAt)} = now()
        RETURNING ${p.id} AS id, (xmax = 0) AS inserted`,
  )
  // Bounded per member: a member's oldest subscriptions beyond the limit are removed.
  await runSql(
    req,
    sql`DELETE FROM ${p} WHERE ${p.id} IN (
          SELECT ${p.id} FROM ${p} WHERE ${p.tenant} = ${tenant} AND ${p.member} = ${member.id}
          ORDER BY ${p.updatedAt} DESC, ${p.id} OFFSET ${MAX_SUBSCRIPTIONS_PER_MEMBER})`,
  )
  return { status: row.inserted ? 201 : 200, reply: { id: String(row.id), endpoint, created: row.inserted } }
}
