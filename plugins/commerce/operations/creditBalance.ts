import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

/** Σ remainingCredits of a member's lots of one credit type (what the ledger sums to). */
export const creditBalance = async (req: PayloadRequest, member: string, creditType: string): Promise<number> => {
  const [row] = await runSql<{ balance: string | number }>(
    req,
    sql`SELECT coalesce(sum(remaining_credits), 0) AS balance FROM credit_lots WHERE member_id = ${member} AND credit_type = ${creditType}`,
  )
  return Number(row?.balance ?? 0)
}
