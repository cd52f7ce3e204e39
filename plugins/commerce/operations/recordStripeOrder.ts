import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, callPort, type EventOf, inTransaction, lockKey, runSql } from '@/core'
import { refundWholePaymentPort } from '@plugins/commerce/contract'
import { fulfilOrder } from './fulfilOrder'
import { markOrderPaid } from './payOrder'
import { orderPaymentsTable, ordersTable } from './sql/ordersTable'

/**
 * Subscriber of billing's `payment.checkout_completed`: a Stripe Checkout paid for an order (`ref` =
 * orders: `POST /api/orders/buy`, a POS sale with provider stripe, a reservation the desk sent to
 * Stripe) settles that order through `settleStripeOrder`. Other refs are not commerce's.
 */
export const recordStripeOrder = async (
  event: EventOf<'payment.checkout_completed'>,
  { req }: { req: PayloadRequest },
): Promise<void> => {
  const data = event.data
  const payment = event.subject?.id
  if (data.provider !== 'stripe' || !event.tenant || !payment || data.ref?.collection !== 'orders') return
  await settleStripeOrder(req, {
    tenant: event.tenant,
    order: data.ref.id,
    payment,
    paymentIntent: data.providerRef ?? null,
    currency: data.amount.currency,
  })
}

/**
 * A pending order paid through its Stripe Checkout (`startOrderCheckout`): settled once by
 * `markOrderPaid`, linked to the payment and the PaymentIntent, and fulfilled by `fulfilOrder`.
 * Exactly once per payment (an advisory lock on the payment; a repeat finds the order paid by it).
 * A payment that arrives when the order is no longer pending (its hold expired, or the desk settled
 * or canceled it meanwhile) is not applied: it is refunded in full through billing's refund path
 * (`payments.refundWholePayment`, billing's `refundWholePayment`: `refunds[]`, `payment.refunded`, sent to Stripe after commit by
 * `billing.stripeRefund` with an idempotency key) and audited `order.paid_twice` with the amount
 * refunded, once (a redelivery finds nothing left to refund and changes nothing).
 */
const settleStripeOrder = async (
  req: PayloadRequest,
  input: { tenant: string; order: string; payment: string; paymentIntent: string | null; currency: string },
) => {
  const tx = { ...req, transactionID: undefined } as PayloadRequest
  await inTransaction(tx, async () => {
    await lockKey(tx, `stripe-order:${input.payment}`)
    const o = ordersTable(tx)
    const op = orderPaymentsTable(tx)
    const settled = await markOrderPaid(tx, input.order)
    if (!settled) {
      const [row] = await runSql<{ status: string; number: string; payment_id: string | null }>(
        tx,
        sql`SELECT ${o.status} AS status, ${o.number} AS number, ${op.payment} AS payment_id FROM ${o.$table}
            WHERE ${o.id} = ${input.order} AND ${o.tenant} = ${input.tenant}`,
      )
      if (!row || String(row.payment_id) === input.payment) return
      const refund = await callPort(tx, refundWholePaymentPort, {
        payment: input.payment,
        tenant: input.tenant,
        reason: `Order ${row.number} was already ${row.status} when this payment arrived: refunded automatically.`,
      })
      if (!refund) return // refunded by an earlier delivery (or by staff)
      await audit(tx, {
        category: 'billing',
        action: 'order.paid_twice',
        tenant: input.tenant,
        resourceType: 'orders',
        resourceId: input.order,
        amount: { amount: refund.amount, currency: input.currency },
        after: { status: row.status, payment: input.payment, refunded: refund.amount, paymentStatus: refund.status },
      })
      return
    }
    await runSql(
      tx,
      sql`UPDATE ${o.$table} SET ${op.payment} = ${input.payment}, ${o.stripePaymentIntentId} = ${input.paymentIntent} WHERE ${o.id} = ${input.order}`,
    )
    await fulfilOrder(tx, {
      tenant: input.tenant,
      member: settled.member_id ? String(settled.member_id) : null,
      order: settled.order,
      payment: input.payment,
    })
  })
}
