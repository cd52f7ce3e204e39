import { createHash, randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql, tenantsTable } from '@/core'
import { actorMembership } from '../shared/actorMembership'
import { memberCalendarTable } from '../sql/memberCalendarTable'

/** sha256 of a feed token, hex: the only form stored. */
export const hashCalendarToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

const membershipIn = async (req: PayloadRequest, tenant: string): Promise<string> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const t = tenantsTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${t.id} AS id FROM ${t.$table} WHERE ${t.slug} = ${tenant} OR ${t.id}::text = ${tenant} LIMIT 1`,
  )
  const membership = row ? await actorMembership(req, String(row.id)) : undefined
  if (!membership) throw new OperationError(404, 'not_found', 'You have no membership in this business.')
  return membership
}

/**
 * (Re)issues the signed-in person's private calendar token in a tenant: a new random token whose
 * sha256 replaces the stored one (the old feed URL stops working). The token is returned once.
 */
export const issueCalendarToken = async (
  req: PayloadRequest,
  input: { tenant: string },
): Promise<{ token: string; membership: string }> => {
  const membership = await membershipIn(req, input.tenant)
  const token = randomBytes(32).toString('base64url')
  const m = memberCalendarTable(req)
  await runSql(
    req,
    sql`UPDATE ${m.$table} SET ${m.icalTokenHash} = ${hashCalendarToken(token)} WHERE ${m.id} = ${membership}`,
  )
  return { token, membership }
}

/** Revokes the signed-in person's calendar token in a tenant. */
export const revokeCalendarToken = async (
  req: PayloadRequest,
  input: { tenant: string },
): Promise<{ revoked: boolean }> => {
  const membership = await membershipIn(req, input.tenant)
  const m = memberCalendarTable(req)
  const rows = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${m.$table} SET ${m.icalTokenHash} = NULL WHERE ${m.id} = ${membership} AND ${m.icalTokenHash} IS NOT NULL RETURNING ${m.id} AS id`,
  )
  return { revoked: rows.length > 0 }
}
