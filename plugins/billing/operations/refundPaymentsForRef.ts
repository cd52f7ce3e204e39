import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, runSql } from '@/core'
import type { RefundPaymentInput, RefundPaymentResult } from '@plugins/bookings/contract'
import { applyRefund } from './refundPayment'

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
    const payments = await runSql<{ id: string; left: string; currency: string }>(
      req,
      sql`SELECT id, amount_amount - amount_refunded AS left, amount_currency AS currency FROM payments
          WHERE tenant_id = ${input.tenant} AND ref_collection = ${input.ref.collection} AND ref_id = ${input.ref.id}
            AND status IN ('succeeded', 'partially_refunded') AND amount_amount > amount_refunded
          ORDER BY created_at FOR UPDATE`,
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
