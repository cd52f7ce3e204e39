/**
 * The commerce plugin's public face: the events it emits and the shapes of the endpoints the site
 * and other plugins use, as zod schemas with their inferred types. Zod and types only, no server
 * code: the site and other plugins may import this file and nothing else of the plugin.
 */
import { z } from 'zod'

// ---- Events ----

const id = z.string()

/** An order's totals (integer minor units of `currency`). */
const orderSummary = z.object({
  id,
  number: z.string(),
  status: z.string(),
  currency: z.string(),
  subtotal: z.number(),
  discountTotal: z.number(),
  giftCardApplied: z.number(),
  tax: z.number(),
  total: z.number(),
  member: id.nullable(),
})

export const commerceEventSchemas = {
  /** A member reserved products online (pending order, paid at the desk or through Stripe Checkout). */
  'order.reserved': orderSummary,
  'order.paid': orderSummary.extend({ payment: id.nullable() }),
  'order.canceled': z.object({
    order: id,
    number: z.string(),
    status: z.literal('canceled'),
    reason: z.string(),
    restocked: z.boolean(),
    couponUsesReleased: z.number(),
    giftCardReleased: z.number(),
    member: id.nullable(),
  }),
  /** A refund at the desk (`amount` refunded now), or one made in Stripe mirrored (`providerRefundId`). */
  'order.refunded': z.object({
    order: id,
    amount: z.number().optional(),
    amountRefunded: z.number(),
    status: z.string(),
    restocked: z.boolean(),
    currency: z.string(),
    reason: z.string().nullish(),
    providerRefundId: z.string().optional(),
  }),
  'order.receipt_requested': z.object({ order: id, to: z.string() }),
}

type CommerceEvents = { [K in keyof typeof commerceEventSchemas]: z.infer<(typeof commerceEventSchemas)[K]> }
export type OrderRefunded = CommerceEvents['order.refunded']
export type OrderReceiptRequested = CommerceEvents['order.receipt_requested']

declare module '@/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends CommerceEvents {}
}

// ---- Endpoints ----

/** The lines of an order (`POST /api/orders/checkout`, `/reserve`, `/buy`): products and quantities, priced by the server. */
export const orderLinesSchema = z
  .array(
    z.object({
      product: z
        .string({ message: 'Each line needs a product id.' })
        .min(1, { message: 'Each line needs a product id.' }),
      quantity: z
        .number()
        .int({ message: 'quantity must be a whole number.' })
        .min(1, { message: 'quantity must be at least 1.' })
        .max(1000, { message: 'quantity must be at most 1000.' }),
    }),
    { message: 'lines must be a list of { product, quantity }.' },
  )
  .min(1, { message: 'An order needs at least one line.' })
  .max(100, { message: 'An order has at most 100 lines.' })
export type OrderLines = z.infer<typeof orderLinesSchema>

/** `POST /api/orders/reserve` (pay at the desk) and `POST /api/orders/buy` (pay online now): a member's order. */
export const reserveOrderInput = z.object({
  tenant: z.string().min(1).nullish(),
  lines: orderLinesSchema,
  coupon: z.string().trim().min(1).max(40).nullish(),
})
export type ReserveOrderInput = z.input<typeof reserveOrderInput>

/** The reply of `POST /api/orders/buy`: the pending order holding the stock and the Stripe Checkout page to pay it on. */
export const buyOnlineReplySchema = z.object({
  order: z.object({ id, number: z.string(), total: z.number(), currency: z.string() }).loose(),
  checkout: z.object({ url: z.string() }).loose(),
})
export type BuyOnlineReply = z.infer<typeof buyOnlineReplySchema>
