import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { createPaymentCheckout } from '@plugins/billing'
import { deskOrder } from './deskOrder'

/**
 * Stripe at the POS: desk staff ask billing for a Stripe Checkout page for a pending order's total
 * (shown to the buyer as a link or QR code). The order stays pending; when the Checkout is paid,
 * billing's webhook records the payment and `commerce.stripeOrder` settles and fulfils the order.
 */
export const startOrderCheckout = async (req: PayloadRequest, id: string) => {
  const tenant = await deskOrder(req, id)
  const [order] = await runSql<{ status: string; number: string; total: number; currency: string; member_id: string | null }>(
    req,
    sql`SELECT status, number, total, currency, member_id FROM orders WHERE id = ${id}`,
  )
  if (order.status !== 'pending') throw new OperationError(409, 'not_pending', 'Only a pending order can be paid.')
  return createPaymentCheckout(req, {
    tenant,
    ref: { collection: 'orders', id },
    member: order.member_id ? String(order.member_id) : null,
    amount: { amount: Number(order.total), currency: order.currency },
    description: `Order ${order.number}`,
  })
}
