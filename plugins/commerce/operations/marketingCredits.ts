import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { ExpiringPack, ExpiringPacksInput, LowCreditHolder, LowCreditHoldersInput } from '../contract'
import { creditLotsTable } from './sql/creditLotsTable'

const inList = (ids: string[]) =>
  ids.length
    ? sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`NULL`
const cap = (limit: number | undefined) => Math.min(Math.max(1, limit ?? 1000), 10_000)

/**
 * The `marketing.lowCreditHolders` port: members of the tenant who were granted credits (guest
 * passes aside) and have at most `threshold` spendable now (Σ remaining of unexpired lots, as the
 * `credits.balance` port counts them), with their newest granted lot (refunds put credits back
 * into a lot and are not a top-up). One statement, grouped by member.
 */
export const lowCreditHolders = async (
  req: PayloadRequest,
  input: LowCreditHoldersInput,
): Promise<LowCreditHolder[]> => {
  const c = creditLotsTable(req)
  const only = input.members ? sql`AND l.${c.member} IN (${inList(input.members)})` : sql``
  const rows = await runSql<{ member: string; credits: string | number; last_lot: string }>(
    req,
    sql`SELECT l.${c.member} AS member,
               coalesce(sum(l.${c.remainingCredits}) FILTER (WHERE l.${c.remainingCredits} > 0
                 AND (l.${c.expiresAt} IS NULL OR l.${c.expiresAt} > now())), 0) AS credits,
               (array_agg(l.${c.id} ORDER BY l.${c.createdAt} DESC, l.${c.id} DESC)
                  FILTER (WHERE l.${c.source} IN ('pack_purchase', 'subscription_grant', 'adjustment', 'import')))[1] AS last_lot
        FROM ${c.$table} l
        WHERE l.${c.tenant} = ${input.tenant} AND l.${c.creditType} <> 'guest_pass' ${only}
        GROUP BY l.${c.member}
        HAVING coalesce(sum(l.${c.remainingCredits}) FILTER (WHERE l.${c.remainingCredits} > 0
                 AND (l.${c.expiresAt} IS NULL OR l.${c.expiresAt} > now())), 0) <= ${input.threshold}
           AND bool_or(l.${c.source} IN ('pack_purchase', 'subscription_grant', 'adjustment', 'import'))
        ORDER BY 1 LIMIT ${cap(input.limit)}`,
  )
  return rows.map((r) => ({ member: String(r.member), credits: Number(r.credits), lastLot: String(r.last_lot) }))
}

/** The `marketing.expiringPacks` port: bought packs with credits left expiring in the window. */
export const expiringPacks = async (req: PayloadRequest, input: ExpiringPacksInput): Promise<ExpiringPack[]> => {
  const c = creditLotsTable(req)
  const only = input.lots ? sql`AND l.${c.id} IN (${inList(input.lots)})` : sql``
  const rows = await runSql<{ lot: string; member: string; expires_at: Date | string; remaining: string | number }>(
    req,
    sql`SELECT l.${c.id} AS lot, l.${c.member} AS member, l.${c.expiresAt} AS expires_at, l.${c.remainingCredits} AS remaining
        FROM ${c.$table} l
        WHERE l.${c.tenant} = ${input.tenant} AND l.${c.source} = 'pack_purchase' AND l.${c.remainingCredits} > 0
          AND l.${c.expiredAt} IS NULL
          AND l.${c.expiresAt} > ${input.after}::timestamptz AND l.${c.expiresAt} <= ${input.until}::timestamptz ${only}
        ORDER BY l.${c.expiresAt}, l.${c.id} LIMIT ${cap(input.limit)}`,
  )
  return rows.map((r) => ({
    lot: String(r.lot),
    member: String(r.member),
    expiresAt: new Date(r.expires_at).toISOString(),
    remaining: Number(r.remaining),
  }))
}
