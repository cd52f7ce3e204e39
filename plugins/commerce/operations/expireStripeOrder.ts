import type { PayloadRequest } from 'payload'
import { inTransaction, type EventOf } from '@/core'
import { releaseOrder } from './releaseOrder'

/**
 * Subscriber of billing's `payment.checkout_expired` (Stripe's `checkout.session.expired` for a
 * session started for an order): the order is cancelled through `releaseOrder('expired')` when its
 * hold is over — a Checkout hold ends with its session, so it is; a 7-day reservation the desk sent
 * to Stripe outlives Stripe's 24 h session and stays. Once: a redelivery, or an order paid or
 * cancelled meanwhile, changes nothing.
 */
export const expireStripeOrder = async (
  event: EventOf<'payment.checkout_expired'>,
  { req }: { req: PayloadRequest },
): Promise<void> => {
  const data = event.data
  if (data.provider !== 'stripe' || data.ref?.collection !== 'orders') return
  const tx = { ...req, transactionID: undefined } as PayloadRequest
  await inTransaction(tx, () => releaseOrder(tx, data.ref.id, 'expired'))
}
