import type { Money } from '@/core/money/money'
import { definePort } from '@/core/ports/ports'

/**
 * The public face of bookings: what the site and other plugins may import (no server code).
 */

// ---- Ports ----
// Asked by bookings (`callPort(req, port, input)` inside its transaction), answered by whichever
// installed plugin implements them (`implementPort`: billing, commerce). Each fallback is what
// happens when no installed plugin implements the port.

export type BookingTarget = { collection: 'classes' | 'appointments' | 'events' | 'reservations'; id: string }

export type CanBookInput = {
  tenant: string
  /** tenant-memberships id of the person booking. */
  member: string
  target: BookingTarget
  startTime: string
  price?: Money | null
  creditCost?: number | null
}

export type PaymentMethod = 'membership' | 'credits' | 'drop_in' | 'complimentary' | 'free'

export type CanBookResult =
  | {
      allowed: true
      paymentMethod: PaymentMethod
      /** e.g. the subscription that entitles */ reference?: { collection: string; id: string }
    }
  | { allowed: false; code: string; reason: string }

/** May this member book this? Fallback: free things are free, priced ones are paid at the desk (drop-in). */
export const canBookPort = definePort<CanBookInput, CanBookResult>('guards.canBook', (_req, input) => ({
  allowed: true,
  paymentMethod: input.price && input.price.amount > 0 ? 'drop_in' : 'free',
}))

export type DebitCreditsInput = {
  tenant: string
  member: string
  credits: number
  reason: string
  ref: { collection: string; id: string }
}
export type DebitCreditsResult =
  | { ok: true; ledgerEntryId: string; lotId?: string }
  | { ok: false; code: string; reason: string }

/** Spend credits (soonest-expiring first). Fallback: credits are unavailable without the commerce plugin. */
export const debitCreditsPort = definePort<DebitCreditsInput, DebitCreditsResult>('credits.debit', () => ({
  ok: false,
  code: 'credits_unavailable',
  reason: 'Paying with credits is not available for this business.',
}))

export type RefundCreditsInput = {
  tenant: string
  member: string
  ref: { collection: string; id: string }
  reason: string
}
export type RefundCreditsResult = { ok: true; credits: number } | { ok: false; code: string; reason: string }

/** Give back the credits spent for `ref`. Fallback: nothing to give back. */
export const refundCreditsPort = definePort<RefundCreditsInput, RefundCreditsResult>('credits.refund', () => ({
  ok: false,
  code: 'credits_unavailable',
  reason: 'No credits were spent.',
}))

export type RefundPaymentInput = { tenant: string; ref: { collection: string; id: string }; reason: string }
export type RefundPaymentResult = { ok: true; refunded: Money | null } | { ok: false; code: string; reason: string }

/** Give back the money paid for `ref` (an RSVP, an appointment…). Fallback: nothing recorded to refund. */
export const refundPaymentPort = definePort<RefundPaymentInput, RefundPaymentResult>('payments.refund', () => ({
  ok: true,
  refunded: null,
}))

export type CreditBalanceInput = { tenant: string; member: string; creditType?: string }

/** Credits a member can spend now (unexpired lots). Fallback: none. */
export const creditBalancePort = definePort<CreditBalanceInput, { credits: number }>('credits.balance', () => ({
  credits: 0,
}))
