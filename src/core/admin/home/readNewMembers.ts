import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { tenantMembershipRolesTable, tenantMembershipsTable, usersTable } from '../../db/kernelTables'
import { runSql } from '../../db/sqlFor'

export type NewMember = { id: string; name: string; joinedAt: string; status: string }

const DAY = 86_400_000

/** Members who joined a tenant in the last `days` days: the count and the five newest. */
export const readNewMembers = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  input: { tenant: string; days?: number; now?: Date },
): Promise<{ count: number; members: NewMember[] }> => {
  const since = new Date((input.now ?? new Date()).getTime() - (input.days ?? 7) * DAY).toISOString()
  const m = tenantMembershipsTable(req)
  const r = tenantMembershipRolesTable(req)
  const u = usersTable(req)
  const rows = await runSql<NewMember & { total: number }>(
    req,
    sql`SELECT m.${m.id} AS id, coalesce(m.${m.displayName}, u.${u.email}, 'Member') AS name,
        coalesce(m.${m.joinedAt}, m.${m.createdAt}) AS "joinedAt", m.${m.status} AS status, count(*) OVER ()::int AS total
      FROM ${m.$table} m
      JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
      WHERE m.${m.tenant} = ${input.tenant} AND coalesce(m.${m.joinedAt}, m.${m.createdAt}) >= ${since}
        AND EXISTS (SELECT 1 FROM ${r.$table} r WHERE r.${r.parent} = m.${m.id} AND r.${r.value} = 'member')
      ORDER BY 3 DESC LIMIT 5`,
  )
  return {
    count: rows[0]?.total ?? 0,
    members: rows.map(({ id, name, joinedAt, status }) => ({
      id,
      name,
      status,
      joinedAt: new Date(joinedAt).toISOString(),
    })),
  }
}
