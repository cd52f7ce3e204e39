import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, callPort, emit, OperationError, runSql } from '@/core'
import { requireDeskRole } from '@/core'
import { refundOrderPaymentPort } from '@plugins/commerce/contract'
import { orderPaymentId } from './orderPaymentId'
import { restockOrder } from './restockOrder'

export const refundOrderInput = z.object({
  order: z.string().min(1, { message: 'order is required.' }),
  amount: z
    .number()
    .int({ message: 'amount must be whole minor units (cents).' })
    .positive({ message: 'amount must be greater than 0.' })
    .nullish(),
  reason: z.string({ message: 'reason is required.' }).trim().min(1, { message: 'reason is required.' }).max(500),
  restock: z.boolean().default(false),
})

export type RefundOrderInput = z.input<typeof refundOrderInput>

type OrderRow = {
  id: string
  tenant_id: string
  status: string
  total: number
  amount_refunded: number
  currency: string
  restocked_at: string | null
}

/**
 * Refunds an order's cash/terminal payment, fully (default) or in part, never beyond what was
 * paid: the order's amount_refunded moves by a conditional UPDATE, and the payment's through
 * `payments.refundOrderPayment` (billing refuses 409 `nothing_to_refund` when the order has no
 * payment; without a payments plugin the money is handed back at the desk and the order is the record). With
 * `restock`, the sold quantities go back on the shelf once.
 */
export const refundOrder = async (req: PayloadRequest, raw: RefundOrderInput) => {
  const parsed = refundOrderInput.safeParse(raw)
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const input = parsed.data
  const [found] = await runSql<OrderRow>(
    req,
    sql`SELECT id, tenant_id, status, total, amount_refunded, currency, restocked_at FROM orders WHERE id = ${input.order}`,
  )
  if (!found) throw new OperationError(404, 'not_found', 'Order not found.')
  try {
    requireDeskRole(req, found.tenant_id)
  } catch (error) {
    if (error instanceof OperationError && error.status === 403)
      throw new OperationError(404, 'not_found', 'Order not found.')
    throw error
  }
  if (!['paid', 'partially_refunded'].includes(found.status))
    throw new OperationError(409, 'not_refundable', `A ${found.status} order cannot be refunded.`)
  const amount = input.amount ?? Number(found.total) - Number(found.amount_refunded)
  if (amount <= 0)
    throw new OperationError(409, 'nothing_to_refund', 'Nothing paid by cash or terminal is left to refund.')

  const rows = await runSql<{ amount_refunded: number; total: number; status: string }>(
    req,
    sql`UPDATE orders
        SET amount_refunded = amount_refunded + ${amount},
            status = (CASE WHEN amount_refunded + ${amount} = total THEN 'refunded' ELSE 'partially_refunded' END)::enum_orders_status,
            refunded_at = now(), refund_reason = ${input.reason}, updated_at = now()
        WHERE id = ${input.order} AND status IN ('paid', 'partially_refunded') AND amount_refunded + ${amount} <= total
        RETURNING amount_refunded, total, status`,
  )
  if (!rows[0]) {
    const [now] = await runSql<{ total: number; amount_refunded: number }>(
      req,
      sql`SELECT total, amount_refunded FROM orders WHERE id = ${input.order}`,
    )
    throw new OperationError(
      409,
      'refund_exceeds_paid',
      `Refund of ${amount} exceeds what is left to refund (${Number(now.total) - Number(now.amount_refunded)}).`,
    )
  }
  await callPort(req, refundOrderPaymentPort, {
    tenant: found.tenant_id,
    payment: await orderPaymentId(req, input.order),
    amount,
    reason: input.reason,
  })

  const restocked = input.restock ? await restockOrder(req, input.order) : false
  const result = {
    order: input.order,
    amount,
    amountRefunded: Number(rows[0].amount_refunded),
    status: rows[0].status,
    restocked,
  }
  await audit(req, {
    category: 'billing',
    action: 'order.refunded',
    tenant: found.tenant_id,
    resourceType: 'orders',
    resourceId: input.order,
    amount: { amount, currency: found.currency },
    details: input.reason,
    after: result,
  })
  await emit(req, {
    type: 'order.refunded',
    tenant: found.tenant_id,
    subject: { collection: 'orders', id: input.order },
    data: { ...result, currency: found.currency, reason: input.reason },
  })
  return result
}
