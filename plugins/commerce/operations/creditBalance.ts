import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { creditLotsTable } from './sql/creditLotsTable'

/** Σ remainingCredits of a member's lots of one credit type (what the ledger sums to). */
export const creditBalance = async (req: PayloadRequest, member: string, creditType: string): Promise<number> => {
  const c = creditLotsTable(req)
  const [row] = await runSql<{ balance: string | number }>(
    req,
    sql`SELECT coalesce(sum(${c.remainingCredits}), 0) AS balance FROM ${c.$table} WHERE ${c.member} = ${member} AND ${c.creditType} = ${creditType}`,
  )
  return Number(row?.balance ?? 0)
}
