import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { callPort, OperationError, runSql } from '@/core'
import { recordOrderPaymentPort } from '@plugins/commerce/contract'
import { deskOrder } from './deskOrder'
import { orderContentAmount } from './orderContentAmount'
import { fulfilOrder } from './fulfilOrder'
import { orderPaymentsTable, ordersTable } from './sql/ordersTable'

export const payOrderInput = z.object({
  method: z.enum(['cash', 'terminal'], { message: 'method must be cash or terminal.' }),
  providerRef: z.string().max(200).nullish(),
})

/**
 * Desk staff settle a reserved (`pending`) order: it becomes `paid` by one conditional UPDATE (so
 * it is paid once), the total is recorded as a cash or terminal payment
 * (`payments.recordOrderPayment`), and it
 * is fulfilled exactly as a POS sale (`fulfilOrder`). 409 `not_pending` otherwise.
 */
export const payOrder = async (req: PayloadRequest, id: string, raw: unknown) => {
  const parsed = payOrderInput.safeParse(raw ?? {})
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const tenant = await deskOrder(req, id)
  const row = await markOrderPaid(req, id)
  if (!row) throw new OperationError(409, 'not_pending', 'Only a pending order can be paid.')
  const { order } = row
  const member = row.member_id ? String(row.member_id) : null
  let payment: string | null = null
  if (order.total > 0) {
    payment = (
      await callPort(req, recordOrderPaymentPort, {
        tenant,
        member,
        payerEmail: row.buyer_email,
        ref: { collection: 'orders', id },
        provider: parsed.data.method,
        providerRef: parsed.data.providerRef ?? null,
        amount: { amount: order.total, currency: order.currency },
        contentAmount: await orderContentAmount(req, tenant, id),
      })
    ).payment
    // orders.payment_id exists only with a payments plugin installed (the one that recorded it).
    if (payment) {
      const op = orderPaymentsTable(req)
      await runSql(req, sql`UPDATE ${op.$table} SET ${op.payment} = ${payment} WHERE ${op.id} = ${id}`)
    }
  }
  return fulfilOrder(req, { tenant, member, order, payment })
}

/**
 * `pending → paid` by one conditional UPDATE (so an order is settled once, whoever comes first:
 * the desk or a Stripe webhook); null when the order is not pending. Returns the order's summary.
 */
export const markOrderPaid = async (req: PayloadRequest, id: string) => {
  const o = ordersTable(req)
  const [row] = await runSql<{
    id: string
    number: string
    member_id: string | null
    buyer_email: string | null
    currency: string
    subtotal: number
    discount_total: number
    gift_card_applied: number
    tax: number
    total: number
  }>(
    req,
    sql`UPDATE ${o.$table} SET ${o.status} = 'paid', ${o.purchasedAt} = now(),
          ${o.staff} = ${req.user?.collection === 'users' ? String(req.user.id) : null}, ${o.updatedAt} = now()
        WHERE ${o.id} = ${id} AND ${o.status} = 'pending'
        RETURNING ${o.id} AS id, ${o.number} AS number, ${o.member} AS member_id, ${o.buyerEmail} AS buyer_email, ${o.currency} AS currency,
          ${o.subtotal} AS subtotal, ${o.discountTotal} AS discount_total, ${o.giftCardApplied} AS gift_card_applied, ${o.tax} AS tax, ${o.total} AS total`,
  )
  if (!row) return null
  const order = {
    id: String(row.id),
    number: row.number,
    status: 'paid',
    currency: row.currency,
    subtotal: Number(row.subtotal),
    discountTotal: Number(row.discount_total),
    giftCardApplied: Number(row.gift_card_applied),
    tax: Number(row.tax),
    total: Number(row.total),
  }
  return { ...row, order }
}
