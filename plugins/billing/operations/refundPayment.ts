import { randomBytes } from 'node:crypto'
import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, emit, idOf, OperationError, runSql } from '@/core'
import { requireDeskRole } from '@/core'
import { feeReversed } from './platformFee'
import { invoicesTable } from './sql/invoicesTable'
import { paymentRefundsTable, paymentsTable } from './sql/paymentsTable'

export const refundPaymentInput = z.object({
  payment: z.string().min(1, { message: 'payment is required.' }),
  amount: z
    .number()
    .int({ message: 'amount must be whole minor units (cents).' })
    .positive({ message: 'amount must be greater than 0.' }),
  reason: z.string().trim().min(1, { message: 'reason is required.' }).max(500),
})

export type RefundPaymentInput = z.input<typeof refundPaymentInput>
export type RefundPaymentResult = { payment: string; amount: number; amountRefunded: number; status: string }

/**
 * Refunds part or all of a succeeded payment. One conditional UPDATE adds the amount only while
 * amount_refunded + n <= amount, so concurrent refunds can never refund more than was paid; the
 * row stays locked until commit, so the refunds[] entry is appended without a race.
 */
export const refundPayment = async (req: PayloadRequest, raw: RefundPaymentInput): Promise<RefundPaymentResult> => {
  const parsed = refundPaymentInput.safeParse(raw)
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const { payment: id, amount, reason } = parsed.data
  const found = await req.payload.db.findOne<{ id: string; tenant: unknown }>({
    collection: 'payments' as CollectionSlug,
    where: { id: { equals: id } },
    req,
  })
  const tenant = idOf(found?.tenant)
  if (!found || !tenant) throw new OperationError(404, 'not_found', 'Payment not found.')
  try {
    requireDeskRole(req, tenant)
  } catch (error) {
    // Another tenant's payment does not exist for this caller.
    if (error instanceof OperationError && error.status === 403)
      throw new OperationError(404, 'not_found', 'Payment not found.')
    throw error
  }
  return applyRefund(req, { payment: id, tenant, amount, reason })
}

/**
 * The refund itself, without the caller check (refundPayment checks the desk role; the
 * `payments.refund` port and the Stripe refund mirror act for the system). Runs in the request's
 * transaction. `providerRefundId` marks a refund that already happened at the provider (the
 * `payment.refunded` event carries it, so nobody sends it to the provider again).
 */
export const applyRefund = async (
  req: PayloadRequest,
  {
    payment: id,
    tenant,
    amount,
    reason,
    providerRefundId = null,
  }: { payment: string; tenant: string; amount: number; reason: string; providerRefundId?: string | null },
): Promise<RefundPaymentResult> => {
  const p = paymentsTable(req)
  const r = paymentRefundsTable(req)
  const i = invoicesTable(req)
  const rows = await runSql<{
    amount_refunded: number
    status: string
    amount_amount: number
    amount_currency: string
    platform_fee: number | null
  }>(
    req,
    sql`UPDATE ${p.$table}
        SET ${p.amountRefunded} = ${p.amountRefunded} + ${amount},
            ${p.status} = (CASE WHEN ${p.amountRefunded} + ${amount} = ${p.amount} THEN 'refunded' ELSE 'partially_refunded' END)::${p.$enum.status},
            ${p.updatedAt} = now()
        WHERE ${p.id} = ${id}
          AND ${p.status} IN ('succeeded', 'partially_refunded')
          AND ${p.amountRefunded} + ${amount} <= ${p.amount}
        RETURNING ${p.amountRefunded} AS amount_refunded, ${p.status} AS status, ${p.amount} AS amount_amount, ${p.currency} AS amount_currency,
                  ${p.platformFee} AS platform_fee`,
  )
  const row = rows[0]
  if (!row) {
    const [current] = await runSql<{ amount_refunded: number; amount_amount: number; status: string }>(
      req,
      sql`SELECT ${p.amountRefunded} AS amount_refunded, ${p.amount} AS amount_amount, ${p.status} AS status FROM ${p.$table} WHERE ${p.id} = ${id}`,
    )
    if (current && !['succeeded', 'partially_refunded'].includes(current.status)) {
      throw new OperationError(409, 'not_refundable', `A ${current.status} payment cannot be refunded.`)
    }
    const left = current ? Number(current.amount_amount) - Number(current.amount_refunded) : 0
    throw new OperationError(
      409,
      'refund_exceeds_paid',
      `Refund of ${amount} exceeds what is left to refund (${left}).`,
    )
  }
  // A creator sale gives back its platform fee in proportion (the row is locked by the UPDATE above).
  const platformFeeReversed =
    row.platform_fee === null
      ? null
      : feeReversed(Number(row.platform_fee), Number(row.amount_amount), Number(row.amount_refunded) - amount, amount)
  const refunds = await runSql<{
    id: string
    amount: number
    reason: string
    provider_refund_id: string | null
    platform_fee_reversed: number | null
    at: string
  }>(
    req,
    sql`SELECT ${r.id} AS id, ${r.amount} AS amount, ${r.reason} AS reason, ${r.providerRefundId} AS provider_refund_id,
               ${r.platformFeeReversed} AS platform_fee_reversed, ${r.at} AS at
        FROM ${r.$table} WHERE ${r.parent} = ${id} ORDER BY ${r.order}`,
  )
  await req.payload.db.updateOne({
    collection: 'payments' as CollectionSlug,
    id,
    data: {
      refunds: [
        ...refunds.map((r) => ({
          id: r.id,
          amount: Number(r.amount),
          reason: r.reason,
          providerRefundId: r.provider_refund_id,
          platformFeeReversed: r.platform_fee_reversed === null ? null : Number(r.platform_fee_reversed),
          at: new Date(r.at).toISOString(),
        })),
        {
          id: randomBytes(12).toString('hex'),
          amount,
          reason,
          providerRefundId,
          platformFeeReversed,
          at: new Date().toISOString(),
        },
      ],
    },
    req,
  })
  // A paid invoice settled by this payment is refunded with it once nothing is left.
  if (row.status === 'refunded')
    await runSql(
      req,
      sql`UPDATE ${i.$table} SET ${i.status} = 'refunded', ${i.updatedAt} = now() WHERE ${i.payment} = ${id} AND ${i.status} = 'paid'`,
    )
  const money = { amount, currency: row.amount_currency }
  await audit(req, {
    category: 'payment',
    action: 'payment.refunded',
    tenant,
    resourceType: 'payments',
    resourceId: id,
    amount: money,
    details: reason,
    after: { amountRefunded: Number(row.amount_refunded), status: row.status, platformFeeReversed },
  })
  await emit(req, {
    type: 'payment.refunded',
    tenant,
    subject: { collection: 'payments', id },
    data: { amount: money, reason, amountRefunded: Number(row.amount_refunded), status: row.status, providerRefundId },
  })
  return { payment: id, amount, amountRefunded: Number(row.amount_refunded), status: row.status }
}
