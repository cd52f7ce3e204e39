import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { accessGrantsTable } from './sql/accessGrantsTable'

export type PurchaseGrantInput = {
  tenant: string
  member: string
  target: { collection: 'courses' | 'content-items'; id: string }
  expiresAt: Date | null
  source: { collection: string; id: string }
}

/**
 * A `purchased` grant for what a paid order line bought, once per member and target
 * (INSERT … ON CONFLICT on U(member, target)). An existing grant is replaced only when it was
 * revoked or ends sooner than the new one; a redelivered event changes nothing. Announces
 * `access.granted` when something changed.
 */
export const grantPurchase = async (req: PayloadRequest, input: PurchaseGrantInput): Promise<string | null> => {
  const g = accessGrantsTable(req)
  const course = input.target.collection === 'courses' ? input.target.id : null
  const item = input.target.collection === 'content-items' ? input.target.id : null
  const conflict = course ? g.course : g.contentItem
  const expiresAt = input.expiresAt?.toISOString() ?? null
  const [row] = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${g.$table} AS x (${g.tenant}, ${g.member}, ${g.course}, ${g.contentItem}, ${g.accessType}, ${g.grantedAt},
          ${g.expiresAt}, ${g.sourceCollection}, ${g.sourceId})
        VALUES (${input.tenant}, ${input.member}, ${course}, ${item}, 'purchased', now(), ${expiresAt}::timestamptz,
          ${input.source.collection}, ${input.source.id})
        ON CONFLICT (${g.tenant}, ${g.member}, ${conflict}) DO UPDATE
          SET ${g.accessType} = 'purchased', ${g.grantedAt} = now(), ${g.expiresAt} = EXCLUDED.${g.expiresAt},
              ${g.revokedAt} = NULL, ${g.revokeReason} = NULL,
              ${g.sourceCollection} = EXCLUDED.${g.sourceCollection}, ${g.sourceId} = EXCLUDED.${g.sourceId}
          WHERE x.${g.revokedAt} IS NOT NULL
             OR (x.${g.expiresAt} IS NOT NULL AND (EXCLUDED.${g.expiresAt} IS NULL OR EXCLUDED.${g.expiresAt} > x.${g.expiresAt}))
        RETURNING x.${g.id} AS id`,
  )
  if (!row) return null
  await emit(req, {
    type: 'access.granted',
    tenant: input.tenant,
    subject: { collection: 'access-grants', id: row.id },
    data: { grant: row.id, member: input.member, target: input.target, accessType: 'purchased' },
  })
  return row.id
}

/** Revokes every unrevoked grant an order made (a full refund), announcing `access.revoked` for each. */
export const revokeOrderGrants = async (
  req: PayloadRequest,
  input: { tenant: string; order: string; reason: string },
): Promise<string[]> => {
  const g = accessGrantsTable(req)
  const rows = await runSql<{ id: string; member: string }>(
    req,
    sql`UPDATE ${g.$table} SET ${g.revokedAt} = now(), ${g.revokeReason} = ${input.reason}
        WHERE ${g.tenant} = ${input.tenant} AND ${g.sourceCollection} = 'orders' AND ${g.sourceId} = ${input.order}
          AND ${g.revokedAt} IS NULL
        RETURNING ${g.id} AS id, ${g.member} AS member`,
  )
  for (const row of rows)
    await emit(req, {
      type: 'access.revoked',
      tenant: input.tenant,
      subject: { collection: 'access-grants', id: row.id },
      data: { grant: row.id, member: row.member, reason: input.reason },
    })
  return rows.map((r) => r.id)
}
