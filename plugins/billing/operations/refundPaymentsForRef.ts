import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, runSql } from '@/core'
import type { RefundPaymentInput, RefundPaymentResult } from '@plugins/bookings/contract'
import { applyRefund } from './refundPayment'
import { paymentsTable } from './sql/paymentsTable'

/**
 * The `payments.refund` port: refunds what is left of every succeeded payment recorded against
 * `ref` (an RSVP, an appointment, a booking…), in the caller's transaction. The payment rows are
 * locked first, so a concurrent or repeated call finds nothing left and answers `refunded: null`.
 */
export const refundPaymentsForRef = async (
  req: PayloadRequest,
  input: RefundPaymentInput,
): Promise<RefundPaymentResult> =>
  inTransaction(req, async () => {
    const p = paymentsTable(req)
    const payments = await runSql<{ id: string; left: string; currency: string }>(
      req,
      sql`SELECT ${p.id} AS id, ${p.amount} - ${p.amountRefunded} AS left, ${p.currency} AS currency FROM ${p.$table}
          WHERE ${p.tenant} = ${input.tenant} AND ${p.refCollection} = ${input.ref.collection} AND ${p.refId} = ${input.ref.id}
            AND ${p.status} IN ('succeeded', 'partially_refunded') AND ${p.amount} > ${p.amountRefunded}
          ORDER BY ${p.createdAt} FOR UPDATE`,
    )
    if (payments.length === 0) return { ok: true, refunded: null }
    const currencies = new Set(payments.map((p) => p.currency))
    if (currencies.size > 1)
      return {
        ok: false,
        code: 'mixed_currencies',
        reason: 'The payments for this were made in several currencies; refund them one by one at the desk.',
      }
    let total = 0
    for (const payment of payments) {
      const amount = Number(payment.left)
      await applyRefund(req, { payment: String(payment.id), tenant: input.tenant, amount, reason: input.reason })
      total += amount
    }
    return { ok: true, refunded: { amount: total, currency: payments[0].currency } }
  })
