import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { accessGrantsTable } from './sql/accessGrantsTable'

export type GrantState = { state: 'active'; accessType: string } | { state: 'expired' | 'revoked' | 'none' }

/** The member's grant for a course or content item, and whether it opens it now (one statement). */
export const activeGrant = async (
  req: PayloadRequest,
  input: { tenant: string; member: string; target: { collection: 'courses' | 'content-items'; id: string } },
): Promise<GrantState> => {
  const g = accessGrantsTable(req)
  const column = input.target.collection === 'courses' ? g.course : g.contentItem
  const [row] = await runSql<{ access_type: string; state: 'active' | 'expired' | 'revoked' }>(
    req,
    sql`SELECT ${g.accessType} AS access_type,
               CASE WHEN ${g.revokedAt} IS NOT NULL THEN 'revoked'
                    WHEN (${g.expiresAt} IS NOT NULL AND ${g.expiresAt} <= now())
                      OR (${g.availableFrom} IS NOT NULL AND ${g.availableFrom} > now()) THEN 'expired'
                    ELSE 'active' END AS state
        FROM ${g.$table} WHERE ${g.tenant} = ${input.tenant} AND ${g.member} = ${input.member} AND ${column} = ${input.target.id}`,
  )
  if (!row) return { state: 'none' }
  return row.state === 'active' ? { state: 'active', accessType: row.access_type } : { state: row.state }
}
