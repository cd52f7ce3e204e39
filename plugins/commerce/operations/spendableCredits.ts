import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { CreditBalanceInput } from '@plugins/bookings/contract'
import { creditLotsTable } from './sql/creditLotsTable'

/** The `credits.balance` port: Σ remainingCredits of a member's unexpired lots of one credit type. */
export const spendableCredits = async (
  req: PayloadRequest,
  input: CreditBalanceInput,
): Promise<{ credits: number }> => {
  const c = creditLotsTable(req)
  const [row] = await runSql<{ credits: string | number }>(
    req,
    sql`SELECT coalesce(sum(${c.remainingCredits}), 0) AS credits FROM ${c.$table}
        WHERE ${c.tenant} = ${input.tenant} AND ${c.member} = ${input.member} AND ${c.creditType} = ${input.creditType ?? 'class'}
          AND ${c.remainingCredits} > 0 AND (${c.expiresAt} IS NULL OR ${c.expiresAt} > now())`,
  )
  return { credits: Number(row?.credits ?? 0) }
}
