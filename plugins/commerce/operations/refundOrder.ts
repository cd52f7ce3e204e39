import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, callPort, emit, OperationError, runSql } from '@/core'
import { requireDeskRole } from '@/core'
import { refundOrderPaymentPort } from '@plugins/commerce/contract'
import { orderPaymentId } from './orderPaymentId'
import { restockOrder } from './restockOrder'
import { ordersTable } from './sql/ordersTable'

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
  const o = ordersTable(req)
  const [found] = await runSql<OrderRow>(
    req,
    sql`SELECT ${o.id} AS id, ${o.tenant} AS tenant_id, ${o.status} AS status, ${o.total} AS total, ${o.amountRefunded} AS amount_refunded,
               ${o.currency} AS currency, ${o.restockedAt} AS restocked_at
        FROM ${o.$table} WHERE ${o.id} = ${input.order}`,
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
    sql`UPDATE ${o.$table}
        SET ${o.amountRefunded} = ${o.amountRefunded} + ${amount},
            ${o.status} = (CASE WHEN ${o.amountRefunded} + ${amount} = ${o.total} THEN 'refunded' ELSE 'partially_refunded' END)::${o.$enum.status},
            ${o.refundedAt} = now(), ${o.refundReason} = ${input.reason}, ${o.updatedAt} = now()
        WHERE ${o.id} = ${input.order} AND ${o.status} IN ('paid', 'partially_refunded') AND ${o.amountRefunded} + ${amount} <= ${o.total}
        RETURNING ${o.amountRefunded} AS amount_refunded, ${o.total} AS total, ${o.status} AS status`,
  )
  if (!rows[0]) {
    const [now] = await runSql<{ total: number; amount_refunded: number }>(
      req,
      sql`SELECT ${o.total} AS total, ${o.amountRefunded} AS amount_refunded FROM ${o.$table} WHERE ${o.id} = ${input.order}`,
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
