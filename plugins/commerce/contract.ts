import type { Money } from '@/core/money/money'
import { definePort } from '@/core/ports/ports'

/**
 * The public face of commerce: what the site and other plugins may import (no server code).
 */

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

export type PaymentSummaryInput = { tenant: string; payment: string }
/** How a payment was made (`cash`, `terminal`, `stripe`…), or null when it is not known. */
export type PaymentSummaryResult = { provider: string } | null

/** How one recorded payment was made (for receipts). Fallback: not known (null). */
export const paymentSummaryPort = definePort<PaymentSummaryInput, PaymentSummaryResult>('payments.summary', () => null)
