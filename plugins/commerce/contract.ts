/**
 * The commerce plugin's public face: the events it emits and the shapes of the endpoints the site
 * and other plugins use, as zod schemas with their inferred types. Zod and types only, no server
 * code: the site and other plugins may import this file and nothing else of the plugin.
 */
import { z } from 'zod'
import type { Money } from '@/core/money/money'
import { definePort } from '@/core/ports/ports'

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
  // ---- website offers ----
  /**
   * A coupon advertised as an offer (`advertise`) was created or changed, or stopped being one
   * (advertising turned off, deactivated, deleted), or a purchase spent its last use (`exhausted`)
   * or a cancelled order gave that use back (`restored`): `advertised` is whether it is advertised
   * now. The website posts advertised offers to Google Business Profile (reading the current offer
   * through its `advertisedOfferPort`, which commerce implements).
   */
  'coupon.offer_changed': z.object({
    coupon: id,
    code: z.string(),
    title: z.string().nullable(),
    advertised: z.boolean(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    /** What changed: the coupon saved or deleted (absent: saved), or its uses ran out / came back. */
    reason: z.enum(['saved', 'deleted', 'exhausted', 'restored']).optional(),
  }),
  // ---- /website offers ----
}

type CommerceEvents = { [K in keyof typeof commerceEventSchemas]: z.infer<(typeof commerceEventSchemas)[K]> }
export type OrderRefunded = CommerceEvents['order.refunded']
export type OrderReceiptRequested = CommerceEvents['order.receipt_requested']
export type CouponOfferChanged = CommerceEvents['coupon.offer_changed']

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

// ---- Ports ----
// Commerce takes money for orders but keeps no payments ledger: it asks for one through these
// ports (`callPort` inside its transaction); billing implements them. Without a payments plugin
// the fallbacks keep the shop working at the desk: the order itself is the record of a cash or
// terminal sale and of what was handed back, and online (Stripe) payment answers 409
// `stripe_not_configured` (pay at the desk). See plugins/commerce/README.md.

export type PaymentRef = { collection: string; id: string }

export type RecordOrderPaymentInput = {
  tenant: string
  member: string | null
  payerEmail: string | null
  /** What was paid for (`{ collection: 'orders', id }`). */
  ref: PaymentRef
  provider: 'cash' | 'terminal'
  method?: string | null
  providerRef?: string | null
  amount: Money
  /** Minor units of `amount` paid for creator content (lines `creatorContentPort` names): the platform's fee is taken on them. */
  contentAmount?: number | null
}
/** The payment recorded for the sale, or null when no payments ledger is installed. */
export type RecordOrderPaymentResult = { payment: string | null }

/**
 * Record money taken at the desk (cash or card terminal) for an order. Fallback: nothing is
 * recorded beside the order (`payment: null`); the paid order (total, staff, purchase time) is
 * the record of the sale.
 */
export const recordOrderPaymentPort = definePort<RecordOrderPaymentInput, RecordOrderPaymentResult>(
  'payments.recordOrderPayment',
  () => ({ payment: null }),
)

export type RefundOrderPaymentInput = {
  tenant: string
  /** The order's recorded payment (null when none was recorded). */
  payment: string | null
  /** Minor units to give back, at most what is left of the payment. */
  amount: number
  reason: string
}
/** Whether the refund was recorded on a payment (false: handed back at the desk, recorded on the order only). */
export type RefundOrderPaymentResult = { recorded: boolean }

/**
 * Give back part or all of an order's desk payment. Fallback: the money is handed back at the
 * desk and the order's own `amountRefunded` is the record (`recorded: false`).
 */
export const refundOrderPaymentPort = definePort<RefundOrderPaymentInput, RefundOrderPaymentResult>(
  'payments.refundOrderPayment',
  () => ({ recorded: false }),
)

export type RefundWholePaymentInput = { tenant: string; payment: string; reason: string }
/** What was refunded, or null when nothing was left to refund. */
export type RefundWholePaymentResult = { amount: number; status: string } | null

/**
 * Refund what is left of one payment, for the system (a Stripe payment that found its order no
 * longer pending). Fallback: nothing to refund (null); without a payments plugin no such payment exists.
 */
export const refundWholePaymentPort = definePort<RefundWholePaymentInput, RefundWholePaymentResult>(
  'payments.refundWholePayment',
  () => null,
)

export type StartPaymentCheckoutInput = {
  tenant: string
  /** What is paid for (`{ collection: 'orders', id }`); it comes back with the completed payment. */
  ref: PaymentRef
  member?: string | null
  amount: Money
  description: string
  /** Who asks: desk staff of the tenant, or the signed-in member `member` paying for their own order. */
  payer: 'desk' | 'member'
  /** When the page stops taking payment; the provider's default when null. */
  expiresAt?: Date | null
  /** Minor units of `amount` paid for creator content: the platform's fee (a Stripe Connect application fee) is taken on them. */
  contentAmount?: number | null
}
export type StartPaymentCheckoutResult =
  | { ok: true; id: string; url: string }
  | { ok: false; code: string; reason: string }

/**
 * Open an online payment page (Stripe Checkout) for an order. Fallback: refused with
 * `stripe_not_configured` (commerce answers 409: take cash or the card terminal at the desk).
 */
export const startPaymentCheckoutPort = definePort<StartPaymentCheckoutInput, StartPaymentCheckoutResult>(
  'payments.startCheckout',
  () => ({
    ok: false,
    code: 'stripe_not_configured',
    reason: 'This business does not take online payments yet: take cash or the card terminal.',
  }),
)

// ---- creator payouts ----
export type CreatorContentInput = { tenant: string; products: string[] }
/** The products among `products` that sell creator content (a course, a series, a content item). */
export type CreatorContentResult = { products: string[] }

/**
 * Which products sell creator content, on whose sales the platform takes its fee (seed 004's
 * purchases: platform fee + creator payout). lms implements it (products whose `lms` group opens a
 * course or a content item). Fallback: none (no lms, no creator sales: no fee is split).
 */
export const creatorContentPort = definePort<CreatorContentInput, CreatorContentResult>(
  'commerce.creatorContent',
  () => ({ products: [] }),
)
// ---- end creator payouts ----

export type PaymentSummaryInput = { tenant: string; payment: string }
/** How a payment was made (`cash`, `terminal`, `stripe`…), or null when it is not known. */
export type PaymentSummaryResult = { provider: string } | null

/** How one recorded payment was made (for receipts). Fallback: not known (null). */
export const paymentSummaryPort = definePort<PaymentSummaryInput, PaymentSummaryResult>('payments.summary', () => null)

// ---- marketing ----
// Asked by marketing's credit triggers (credits at or below N, pack expiring) and re-asked at send
// time; answered by commerce. Without commerce nobody holds credits (empty lists).

export type LowCreditHoldersInput = {
  tenant: string
  /** Members whose spendable credits (unexpired lots, guest passes aside) are at or below this. */
  threshold: number
  /** Only these members (after a booking spent credits, and the send-time re-check). */
  members?: string[]
  limit?: number
}
/**
 * A member at or below the threshold who has held credits: `credits` spendable now, `lastLot` the
 * newest lot they were granted (a purchase, a plan's grant, an adjustment), so "once per top-up".
 */
export type LowCreditHolder = { member: string; credits: number; lastLot: string }

/** Members of the tenant who hold (or held) credits and have at most `threshold` left. Fallback: none. */
export const lowCreditHoldersPort = definePort<LowCreditHoldersInput, LowCreditHolder[]>(
  'marketing.lowCreditHolders',
  () => [],
)

export type ExpiringPacksInput = {
  tenant: string
  /** The window (ISO instants), exclusive of `after`, inclusive of `until`. */
  after: string
  until: string
  /** Only these lots (the send-time re-check). */
  lots?: string[]
  limit?: number
}
/** A bought credit pack with credits left that expires in the window. */
export type ExpiringPack = { lot: string; member: string; expiresAt: string; remaining: number }

/** The tenant's credit packs with credits left that expire in a window. Fallback: none. */
export const expiringPacksPort = definePort<ExpiringPacksInput, ExpiringPack[]>('marketing.expiringPacks', () => [])
// ---- /marketing ----

// ---- purchase guard ----
// Asked by `placeOrder` (every POS checkout and quote, online reserve and buy) after the products
// are checked and before anything is written. Another plugin may refuse the sale (lms: courses and
// content only for a verified e-mail address). Fallback: every purchase is allowed.

export type PurchaseGuardInput = {
  tenant: string
  /** The buyer's membership (null for a walk-in at the desk). */
  member: string | null
  /** `online`: the member buys for themself; `pos`: desk staff sell to them. */
  channel: 'pos' | 'online'
  /** The products bought (ids as sent, each once) and their kinds. */
  lines: { product: string; kind: string; quantity: number }[]
}
/** Allowed, or refused with the HTTP status, code and sentence the caller answers with. */
export type PurchaseGuardResult = { allowed: true } | { allowed: false; status: number; code: string; message: string }

/** May this buyer buy these products? Fallback: yes. */
export const purchaseGuardPort = definePort<PurchaseGuardInput, PurchaseGuardResult>('commerce.purchaseGuard', () => ({
  allowed: true,
}))
// ---- /purchase guard ----
