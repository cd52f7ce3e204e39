import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { leadsTable } from '../crm/sql/leadsTable'
import { verifyLeadUnsubscribeToken } from './unsubscribeToken'

/**
 * One-click unsubscribe of a lead (RFC 8058; Lead recipients): the signed token names the lead,
 * which is marked unsubscribed (`unsubscribedAt`, one conditional UPDATE: a second click keeps the
 * first instant and still answers success). Marketing steps to the lead are skipped from then on
 * (`no_consent`) until it consents again on a form.
 */
export const unsubscribeLead = async (req: PayloadRequest, token: string): Promise<{ unsubscribed: number }> => {
  const lead = verifyLeadUnsubscribeToken(token)
  if (!lead || !/^[0-9a-f-]{36}$/i.test(lead))
    throw new OperationError(400, 'invalid_token', 'This unsubscribe link is not valid.')
  const l = leadsTable(req)
  const rows = await runSql(
    req,
    sql`UPDATE ${l.$table} SET ${l.unsubscribedAt} = now(), ${l.updatedAt} = now()
        WHERE ${l.id} = ${lead}
          AND (${l.unsubscribedAt} IS NULL OR ${l.unsubscribedAt} < coalesce(${l.marketingConsentAt}, '-infinity'::timestamptz))
        RETURNING ${l.id}`,
  )
  return { unsubscribed: rows.length }
}
