import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { emit } from '@/core'

/**
 * A payment-mode Checkout Session started for a `ref` (`createPaymentCheckout`, e.g. an order)
 * expired unpaid: `payment.checkout_expired` `{ provider, ref, checkoutSession }` for the ref's owner
 * (commerce cancels the held order). Billing records nothing; other sessions are ignored.
 */
export const recordCheckoutExpired = async (
  req: PayloadRequest,
  input: { tenant: string; session: Stripe.Checkout.Session },
) => {
  const meta = input.session.metadata ?? {}
  if (
    input.session.mode !== 'payment' ||
    meta.tenant !== input.tenant ||
    meta.kind !== 'ref' ||
    !meta.refCollection ||
    !meta.refId
  )
    return { outcome: 'ignored', reason: 'not a ref checkout' }
  const ref = { collection: meta.refCollection, id: meta.refId }
  await emit(req, {
    type: 'payment.checkout_expired',
    tenant: input.tenant,
    subject: { collection: ref.collection, id: ref.id },
    data: { provider: 'stripe', ref, checkoutSession: input.session.id },
  })
  return { outcome: 'expired', ref }
}
