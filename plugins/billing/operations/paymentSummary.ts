import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { PaymentSummaryInput, PaymentSummaryResult } from '@plugins/commerce/contract'

/** Commerce's `payments.summary`: how a payment of the tenant was made; null when there is none. */
export const paymentSummary = async (
  req: PayloadRequest,
  input: PaymentSummaryInput,
): Promise<PaymentSummaryResult> => {
  const [row] = await runSql<{ provider: string }>(
    req,
    sql`SELECT provider FROM payments WHERE id = ${input.payment} AND tenant_id = ${input.tenant}`,
  )
  return row ? { provider: row.provider } : null
}
