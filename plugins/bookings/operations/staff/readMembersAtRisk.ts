import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipRolesTable, tenantMembershipsTable, usersTable } from '@/core'
import { appointmentsTable } from '../sql/appointmentsTable'
import { bookingsTable } from '../sql/bookingsTable'

export type MemberAtRisk = { id: string; name: string; lastVisit: string | null }

const DAY = 86_400_000

/**
 * Active members who joined more than `days` ago and have not visited since (no class check-in and
 * no appointment check-in in `days` days): the count and the five who came most recently, who are
 * the easiest to win back. Each member's last visit is read on the (tenant, member, status,
 * checkedInAt) index. The caller checks the viewer's role.
 */
export const readMembersAtRisk = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  input: { tenant: string; days?: number; now?: Date },
): Promise<{ count: number; members: MemberAtRisk[] }> => {
  const cutoff = new Date((input.now ?? new Date()).getTime() - (input.days ?? 30) * DAY).toISOString()
  const m = tenantMembershipsTable(req)
  const r = tenantMembershipRolesTable(req)
  const b = bookingsTable(req)
  const a = appointmentsTable(req)
  const u = usersTable(req)
  const rows = await runSql<MemberAtRisk & { total: number }>(
    req,
    sql`SELECT m.${m.id} AS id, coalesce(m.${m.displayName}, u.${u.email}, 'Member') AS name, v.at AS "lastVisit",
        count(*) OVER ()::int AS total
      FROM ${m.$table} m
      JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
      LEFT JOIN LATERAL (
        SELECT greatest(
          (SELECT max(b.${b.checkedInAt}) FROM ${b.$table} b
            WHERE b.${b.tenant} = m.${m.tenant} AND b.${b.member} = m.${m.id} AND b.${b.status} = 'checked_in'),
          (SELECT max(a.${a.checkedInAt}) FROM ${a.$table} a
            WHERE a.${a.tenant} = m.${m.tenant} AND a.${a.member} = m.${m.id} AND a.${a.checkedInAt} IS NOT NULL)
        ) AS at
      ) v ON true
      WHERE m.${m.tenant} = ${input.tenant} AND m.${m.status} = 'active'
        AND EXISTS (SELECT 1 FROM ${r.$table} r WHERE r.${r.parent} = m.${m.id} AND r.${r.value} = 'member')
        AND coalesce(m.${m.joinedAt}, m.${m.createdAt}) < ${cutoff}
        AND (v.at IS NULL OR v.at < ${cutoff})
      ORDER BY v.at DESC NULLS LAST, name
      LIMIT 5`,
  )
  return {
    count: rows[0]?.total ?? 0,
    members: rows.map(({ id, name, lastVisit }) => ({
      id,
      name,
      lastVisit: lastVisit ? new Date(lastVisit).toISOString() : null,
    })),
  }
}
