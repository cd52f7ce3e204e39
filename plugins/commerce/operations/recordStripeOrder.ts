import { randomBytes } from 'node:crypto'
import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, inTransaction, runSql, type DomainEvent, type Money } from '@/core'
import { fulfilOrder } from './fulfilOrder'
import { lockKey } from './lockKey'
import { markOrderPaid } from './payOrder'
import { lineKind, orderNumber } from './placeOrder'

type PaymentSucceeded = { amount: Money; provider: string; member?: string | null; ref?: { collection: string; id: string } | null; quantity?: number; providerRef?: string | null }

type ProductRow = { id: string; name: string; kind: string; stock_quantity: number | null }

/**
 * Subscriber of billing's `payment.checkout_completed`: a Stripe payment for a product (a paid
 * Checkout Session, `ref` = products) becomes a `paid` online order with the amount Stripe charged
 * snapshotted on its line, the stock taken by the conditional UPDATE when there is enough (an
 * online sale already paid is never refused: a shortfall is audited as `order.stock_short` for
 * staff to refund), and `fulfilOrder` (credit lot, gift cards, `order.paid`). Exactly once per
 * payment: an advisory lock on the payment, then the order found by `payment` wins (and the
 * PaymentIntent is unique on orders in SQL), so redelivered or concurrent events change nothing.
 */
export const recordStripeOrder = async (event: DomainEvent, { req }: { req: PayloadRequest }): Promise<void> => {
  const data = event.data as PaymentSucceeded
  const payment = event.subject?.id
  if (data.provider !== 'stripe' || !event.tenant || !payment) return
  if (data.ref?.collection === 'orders') return settleStripeOrder(req, { tenant: event.tenant, order: data.ref.id, payment, paymentIntent: data.providerRef ?? null })
  if (data.ref?.collection !== 'products' || !data.member) return
  const tenant = event.tenant
  const member = data.member
  const product = data.ref.id
  const quantity = Math.max(1, Number(data.quantity ?? 1))
  const tx = { ...req, transactionID: undefined } as PayloadRequest
  await inTransaction(tx, async () => {
    await lockKey(tx, `stripe-order:${payment}`)
    const [done] = await runSql(tx, sql`SELECT id FROM orders WHERE payment_id = ${payment}`)
    if (done) return
    const [row] = await runSql<ProductRow>(tx, sql`SELECT id, name, kind, stock_quantity FROM products WHERE id = ${product} AND tenant_id = ${tenant}`)
    if (!row) return // not a product of this tenant: the payment stays a plain payment
    if (data.amount.amount % quantity !== 0) throw new Error(`Stripe charged ${data.amount.amount} for ${quantity} × ${row.name}: not a whole unit price.`)
    const unitPrice = data.amount.amount / quantity
    const taken = await runSql(
      tx,
      sql`UPDATE products SET stock_quantity = stock_quantity - ${quantity}, updated_at = now()
          WHERE id = ${product} AND stock_quantity IS NOT NULL AND stock_quantity >= ${quantity} RETURNING id`,
    )
    const number = orderNumber()
    const currency = data.amount.currency
    const order = (await tx.payload.db.create({
      collection: 'orders' as CollectionSlug,
      data: {
        tenant,
        number,
        member,
        channel: 'online',
        status: 'paid',
        currency,
        lines: [{ id: randomBytes(12).toString('hex'), kind: lineKind(row.kind), product, name: row.name, quantity, unitPrice, discount: 0, total: data.amount.amount }],
        subtotal: data.amount.amount,
        discountTotal: 0,
        giftCardApplied: 0,
        tax: 0,
        total: data.amount.amount,
        amountRefunded: 0,
        payment,
        stripePaymentIntentId: data.providerRef ?? null,
        purchasedAt: new Date().toISOString(),
      },
      req: tx,
    })) as unknown as { id: string }
    if (taken.length === 0 && row.stock_quantity !== null) {
      await audit(tx, { category: 'billing', action: 'order.stock_short', tenant, resourceType: 'orders', resourceId: order.id, after: { product, quantity, stock: row.stock_quantity } })
    }
    const summary = { id: order.id, number, status: 'paid', currency, subtotal: data.amount.amount, discountTotal: 0, giftCardApplied: 0, tax: 0, total: data.amount.amount }
    await fulfilOrder(tx, { tenant, member, order: summary, payment })
  })
}

/**
 * A pending order (a POS sale or a reservation) paid through a Stripe Checkout the desk started
 * (`startOrderCheckout`): settled once by `markOrderPaid` (a repeat, or an order the desk settled or
 * canceled meanwhile, changes nothing; a payment for a canceled order is audited for a refund),
 * linked to the payment and the PaymentIntent, and fulfilled by `fulfilOrder`.
 */
const settleStripeOrder = async (req: PayloadRequest, input: { tenant: string; order: string; payment: string; paymentIntent: string | null }) => {
  const tx = { ...req, transactionID: undefined } as PayloadRequest
  await inTransaction(tx, async () => {
    await lockKey(tx, `stripe-order:${input.payment}`)
    const settled = await markOrderPaid(tx, input.order)
    if (!settled) {
      const [row] = await runSql<{ status: string; payment_id: string | null }>(tx, sql`SELECT status, payment_id FROM orders WHERE id = ${input.order} AND tenant_id = ${input.tenant}`)
      if (row && String(row.payment_id) !== input.payment) {
        await audit(tx, { category: 'billing', action: 'order.paid_twice', tenant: input.tenant, resourceType: 'orders', resourceId: input.order, after: { status: row.status, payment: input.payment } })
      }
      return
    }
    await runSql(tx, sql`UPDATE orders SET payment_id = ${input.payment}, stripe_payment_intent_id = ${input.paymentIntent} WHERE id = ${input.order}`)
    await fulfilOrder(tx, { tenant: input.tenant, member: settled.member_id ? String(settled.member_id) : null, order: settled.order, payment: input.payment })
  })
}
