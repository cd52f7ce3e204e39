import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, emit, runSql } from '@/core'
import { consentsTable } from '../sql/automationsTable'
import { verifyUnsubscribeToken } from './unsubscribeToken'

/**
 * One-click unsubscribe (RFC 8058): the signed token names the member; their open
 * `email_marketing` consent is revoked (rows are never deleted) and `consent.revoked` emitted.
 * Idempotent: a second click finds nothing open and still answers success.
 */
export const unsubscribe = async (req: PayloadRequest, token: string): Promise<{ revoked: number }> => {
  const member = verifyUnsubscribeToken(token)
  if (!member) throw new OperationError(400, 'invalid_token', 'This unsubscribe link is not valid.')
  const c = consentsTable(req)
  const rows = await runSql<{ id: string; tenant: string }>(
    req,
    sql`UPDATE ${c} SET ${c.revokedAt} = now(), ${c.updatedAt} = now()
        WHERE ${c.member} = ${member} AND ${c.type} = 'email_marketing' AND ${c.revokedAt} IS NULL
        RETURNING ${c.id} AS id, ${c.tenant} AS tenant`,
  )
  for (const row of rows)
    await emit(req, {
      type: 'consent.revoked',
      tenant: row.tenant,
      subject: { collection: 'consents', id: row.id },
      data: { member, type: 'email_marketing' },
    })
  return { revoked: rows.length }
}
