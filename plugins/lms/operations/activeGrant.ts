import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { accessGrantsTable } from './sql/accessGrantsTable'

export type GrantState =
  | { state: 'active'; accessType: string }
  | { state: 'not_yet'; availableFrom: string }
  | { state: 'expired' | 'revoked' | 'none' }

/**
 * The member's grant for a course or content item, and whether it opens it now (one statement):
 * revoked (a refund, a cancelled RSVP), `not_yet` (before `availableFrom`, e.g. an event portal
 * window that has not opened), expired (past `expiresAt`) or active.
 */
export const activeGrant = async (
  req: PayloadRequest,
  input: { tenant: string; member: string; target: { collection: 'courses' | 'content-items'; id: string } },
): Promise<GrantState> => {
  const g = accessGrantsTable(req)
  const column = input.target.collection === 'courses' ? g.course : g.contentItem
  const [row] = await runSql<{
    access_type: string
    available_from: Date | null
    state: 'active' | 'expired' | 'revoked' | 'not_yet'
  }>(
    req,
    sql`SELECT ${g.accessType} AS access_type, ${g.availableFrom} AS available_from,
               CASE WHEN ${g.revokedAt} IS NOT NULL THEN 'revoked'
                    WHEN ${g.expiresAt} IS NOT NULL AND ${g.expiresAt} <= now() THEN 'expired'
                    WHEN ${g.availableFrom} IS NOT NULL AND ${g.availableFrom} > now() THEN 'not_yet'
                    ELSE 'active' END AS state
        FROM ${g.$table} WHERE ${g.tenant} = ${input.tenant} AND ${g.member} = ${input.member} AND ${column} = ${input.target.id}`,
  )
  if (!row) return { state: 'none' }
  if (row.state === 'active') return { state: 'active', accessType: row.access_type }
  if (row.state === 'not_yet')
    return { state: 'not_yet', availableFrom: new Date(row.available_from ?? Date.now()).toISOString() }
  return { state: row.state }
}
