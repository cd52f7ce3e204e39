import type { CollectionSlug, PayloadRequest } from 'payload'
import { z } from 'zod'
import { callPort, OperationError, requireDeskRole } from '@/core'
import { recordOrderPaymentPort } from '@plugins/commerce/contract'
import { orderLinesSchema } from '../contract'
import { fulfilOrder } from './fulfilOrder'
import { orderContentAmount } from './orderContentAmount'
import { holdUntil } from './holdUntil'
import { markOrderPaid } from './payOrder'
import { placeOrder, type PlacedOrder } from './placeOrder'
import { startOrderCheckout } from './startOrderCheckout'

const id = z.string().min(1)
const minor = (label: string) =>
  z.number({ message: `${label} must be a number.` }).int({ message: `${label} must be whole minor units (cents).` })

export const checkoutInput = z.object({
  tenant: id,
  member: id.nullish(),
  buyer: z
    .object({
      email: z.email({ message: 'buyer.email must be an email address.' }).nullish(),
      name: z.string().max(200).nullish(),
    })
    .nullish(),
  lines: orderLinesSchema,
  couponCode: z.string().trim().min(1).max(40).nullish(),
  giftCard: z
    .object({
      code: z.string().trim().min(4, { message: 'giftCard.code is too short.' }),
      amount: minor('giftCard.amount').positive().nullish(),
    })
    .nullish(),
  tax: minor('tax').min(0, { message: 'tax cannot be negative.' }).default(0),
  payment: z
    .object({
      provider: z.enum(['cash', 'terminal', 'stripe'], {
        message: 'payment.provider must be cash or terminal (or stripe for a Checkout page).',
      }),
      providerRef: z.string().max(200).nullish(),
      method: z.string().max(100).nullish(),
    })
    .nullish(),
})

export type CheckoutInput = z.input<typeof checkoutInput>

export type CheckoutResult = {
  order: {
    id: string
    number: string
    status: string
    currency: string
    subtotal: number
    discountTotal: number
    giftCardApplied: number
    tax: number
    total: number
  }
  payment: string | null
  giftCards: { id: string; code: string }[]
  creditLots: string[]
  discount: PlacedOrder['discount']
  taxIncluded: number
  /** With `payment.provider: stripe`: the Checkout page the buyer pays on (the order stays pending until then). */
  checkout?: { id: string; url: string }
}

/**
 * A POS sale by desk staff, in the request's transaction: `placeOrder` prices it (snapshots, stock,
 * coupon and gift card by conditional UPDATEs), the rest is recorded as a cash or terminal payment
 * (`payments.recordOrderPayment`: billing's ledger, or the order alone without it), then `fulfilOrder` turns packs into credit lots and gift card products into
 * cards. Any refusal rolls it all back. With `payment.provider: stripe` the order is left `pending`
 * (holding stock, coupon use and any gift-card amount until the tenant's Checkout hold ends) and the
 * answer carries a Stripe Checkout page for what is left to pay (`startOrderCheckout`); the webhook
 * settles and fulfils it, an expired session or the expiry job cancels it.
 */
export const checkout = async (req: PayloadRequest, raw: CheckoutInput): Promise<CheckoutResult> => {
  const parsed = checkoutInput.safeParse(raw)
  if (!parsed.success)
    throw new OperationError(
      400,
      'invalid_input',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join(' '),
    )
  const input = parsed.data
  requireDeskRole(req, input.tenant)

  if (input.payment?.provider === 'stripe') {
    // A gift card may cover part of it: its amount is taken now and held with the pending order
    // (given back once if the order is cancelled or expires); Stripe is asked for the rest.
    const placed = await placeOrder(req, {
      ...input,
      status: 'pending',
      channel: 'pos',
      expiresAt: await holdUntil(req, input.tenant, 'checkout'),
    })
    if (placed.order.total === 0) {
      // The gift card covered everything: nothing is left for Stripe, the sale is paid now.
      const settled = await markOrderPaid(req, placed.order.id)
      return {
        ...(await fulfilOrder(req, {
          tenant: input.tenant,
          member: input.member ?? null,
          order: settled!.order,
          payment: null,
        })),
        discount: placed.discount,
        taxIncluded: placed.taxIncluded,
      }
    }
    const session = await startOrderCheckout(req, placed.order.id)
    return {
      order: placed.order,
      payment: null,
      giftCards: [],
      creditLots: [],
      discount: placed.discount,
      taxIncluded: placed.taxIncluded,
      checkout: session,
    }
  }
  const { order, giftCard, discount, taxIncluded } = await placeOrder(req, { ...input, status: 'paid', channel: 'pos' })
  if (order.total > 0 && !input.payment)
    throw new OperationError(
      400,
      'payment_required',
      `Payment of ${order.total} is due: send payment.provider cash or terminal.`,
    )

  let paymentId: string | null = null
  if (order.total > 0 && input.payment) {
    const recorded = await callPort(req, recordOrderPaymentPort, {
      tenant: input.tenant,
      member: input.member ?? null,
      payerEmail: input.buyer?.email ?? null,
      ref: { collection: 'orders', id: order.id },
      provider: input.payment.provider,
      method: input.payment.method ?? null,
      providerRef: input.payment.providerRef ?? null,
      amount: { amount: order.total, currency: order.currency },
      contentAmount: await orderContentAmount(req, input.tenant, order.id),
    })
    paymentId = recorded.payment
  }
  if (paymentId || giftCard) {
    await req.payload.db.updateOne({
      collection: 'orders' as CollectionSlug,
      id: order.id,
      // `payment` exists only with a payments plugin installed (it recorded paymentId).
      data: paymentId ? { payment: paymentId, giftCard } : { giftCard },
      req,
    })
  }
  return {
    ...(await fulfilOrder(req, { tenant: input.tenant, member: input.member ?? null, order, payment: paymentId })),
    discount,
    taxIncluded,
  }
}
