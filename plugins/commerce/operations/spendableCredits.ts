import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { CreditBalanceInput } from '@plugins/bookings/contract'

/** The `credits.balance` port: Σ remainingCredits of a member's unexpired lots of one credit type. */
export const spendableCredits = async (
  req: PayloadRequest,
  input: CreditBalanceInput,
): Promise<{ credits: number }> => {
  const [row] = await runSql<{ credits: string | number }>(
    req,
    sql`SELECT coalesce(sum(remaining_credits), 0) AS credits FROM credit_lots
        WHERE tenant_id = ${input.tenant} AND member_id = ${input.member} AND credit_type = ${input.creditType ?? 'class'}
          AND remaining_credits > 0 AND (expires_at IS NULL OR expires_at > now())`,
  )
  return { credits: Number(row?.credits ?? 0) }
}
