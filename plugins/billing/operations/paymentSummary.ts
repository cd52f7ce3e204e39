import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { PaymentSummaryInput, PaymentSummaryResult } from '@plugins/commerce/contract'
import { paymentsTable } from './sql/paymentsTable'

/** Commerce's `payments.summary`: how a payment of the tenant was made; null when there is none. */
export const paymentSummary = async (
  req: PayloadRequest,
  input: PaymentSummaryInput,
): Promise<PaymentSummaryResult> => {
  const p = paymentsTable(req)
  const [row] = await runSql<{ provider: string }>(
    req,
    sql`SELECT ${p.provider} AS provider FROM ${p.$table} WHERE ${p.id} = ${input.payment} AND ${p.tenant} = ${input.tenant}`,
  )
  return row ? { provider: row.provider } : null
}
