import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { applyRefund, type RefundPaymentResult } from './refundPayment'
import { paymentsTable } from './sql/paymentsTable'

/**
 * Refunds what is left of one payment, for the system (no caller check): a Stripe payment that
 * arrived for something that can no longer take it (an order that expired, a plan the member
 * already holds). The row is locked first, so a repeated or concurrent call finds nothing left and
 * answers null. The refund is `applyRefund`'s (conditional UPDATE, `refunds[]`, audit,
 * `payment.refunded`); for a Stripe payment `billing.stripeRefund` sends it to Stripe after commit.
 */
export const refundWholePayment = async (
  req: PayloadRequest,
  input: { payment: string; tenant: string; reason: string },
): Promise<RefundPaymentResult | null> => {
  const p = paymentsTable(req)
  const [row] = await runSql<{ left: string }>(
    req,
    sql`SELECT ${p.amount} - ${p.amountRefunded} AS left FROM ${p.$table}
        WHERE ${p.id} = ${input.payment} AND ${p.tenant} = ${input.tenant} AND ${p.status} IN ('succeeded', 'partially_refunded') FOR UPDATE`,
  )
  const left = Number(row?.left ?? 0)
  if (!(left > 0)) return null
  return applyRefund(req, { payment: input.payment, tenant: input.tenant, amount: left, reason: input.reason })
}
