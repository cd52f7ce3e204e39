import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, lockKey, runSql } from '@/core'
import type { GrantCreditsPortInput, GrantCreditsPortResult } from '@plugins/billing/contract'
import { grantCredits } from './grantCredits'
import { creditLotsTable } from './sql/creditLotsTable'

/**
 * The `credits.grant` port: a subscription's credits or guest passes for one period, granted once
 * per (subscription, periodKey, source) — a repeated call answers with the first lot.
 */
export const grantPeriodCredits = async (
  req: PayloadRequest,
  input: GrantCreditsPortInput,
): Promise<GrantCreditsPortResult> =>
  inTransaction(req, async () => {
    if (!Number.isSafeInteger(input.credits) || input.credits <= 0)
      return { ok: false, code: 'invalid_credits', reason: 'credits must be a whole number greater than 0.' }
    await lockKey(req, `credits:${input.member}`)
    const c = creditLotsTable(req)
    const [existing] = await runSql<{ id: string }>(
      req,
      sql`SELECT ${c.id} AS id FROM ${c.$table} WHERE ${c.tenant} = ${input.tenant} AND ${c.subscription} = ${input.subscription}
            AND ${c.periodKey} = ${input.periodKey} AND ${c.source} = ${input.source} LIMIT 1`,
    )
    if (existing) return { ok: true, lot: String(existing.id), granted: false }
    const { lot } = await grantCredits(req, {
      tenant: input.tenant,
      member: input.member,
      credits: input.credits,
      creditType: input.creditType,
      source: input.source,
      expiresAt: input.expiresAt ?? null,
      subscription: input.subscription,
      periodKey: input.periodKey,
    })
    return { ok: true, lot, granted: true }
  })
