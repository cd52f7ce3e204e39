import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, inTransaction, runSql, type EventOf } from '@/core'
import { orderPaymentsTable, ordersTable } from './sql/ordersTable'

/**
 * Subscriber of billing's `payment.refunded_at_provider`: refunds made in Stripe's dashboard (desk
 * refunds go through `refundOrder`, which moves the order itself). The order paid by that payment takes the payment's cumulative `amountRefunded`
 * (never less than it has, never more than its total) and its status follows, so a redelivered or
 * late event changes nothing. Emits `order.refunded` when the order moved.
 */
export const mirrorPaymentRefund = async (
  event: EventOf<'payment.refunded_at_provider'>,
  { req }: { req: PayloadRequest },
): Promise<void> => {
  const data = event.data
  const payment = event.subject?.id
  if (!data.providerRefundId || !payment || typeof data.amountRefunded !== 'number') return
  const refunded = data.amountRefunded
  const tx = { ...req, transactionID: undefined } as PayloadRequest
  await inTransaction(tx, async () => {
    const o = ordersTable(tx)
    const op = orderPaymentsTable(tx)
    const rows = await runSql<{
      id: string
      tenant_id: string
      amount_refunded: number
      total: number
      status: string
      currency: string
    }>(
      tx,
      sql`UPDATE ${o.$table} SET ${o.amountRefunded} = LEAST(${o.total}, ${refunded}),
                 ${o.status} = (CASE WHEN LEAST(${o.total}, ${refunded}) = ${o.total} THEN 'refunded' ELSE 'partially_refunded' END)::${o.$enum.status},
                 ${o.refundedAt} = now(), ${o.refundReason} = ${data.reason ?? 'Refunded in Stripe'}, ${o.updatedAt} = now()
          WHERE ${op.payment} = ${payment} AND ${o.status} IN ('paid', 'partially_refunded') AND ${o.amountRefunded} < LEAST(${o.total}, ${refunded})
          RETURNING ${o.id} AS id, ${o.tenant} AS tenant_id, ${o.amountRefunded} AS amount_refunded, ${o.total} AS total, ${o.status} AS status, ${o.currency} AS currency`,
    )
    for (const row of rows) {
      await emit(tx, {
        type: 'order.refunded',
        tenant: String(row.tenant_id),
        subject: { collection: 'orders', id: String(row.id) },
        data: {
          order: String(row.id),
          amountRefunded: Number(row.amount_refunded),
          status: row.status,
          restocked: false,
          currency: row.currency,
          reason: data.reason ?? null,
          providerRefundId: data.providerRefundId,
        },
      })
    }
  })
}
