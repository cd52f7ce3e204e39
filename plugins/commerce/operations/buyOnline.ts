import type { PayloadRequest } from 'payload'
import { reserveOrder, type ReserveOrderInput } from './reserveOrder'
import { startOrderCheckout } from './startOrderCheckout'

/**
 * A signed-in member buys products online with Stripe: the order is reserved first (`reserveOrder`
 * with the tenant's Checkout hold: stock and coupon use taken now, so a unit held by an unpaid
 * Checkout is not sold twice — another buyer gets 409 `out_of_stock`), then one Checkout Session
 * for its total carries the order id (`startOrderCheckout`, payer member). The completed webhook
 * settles this order; an expired session or the expiry job cancels it and gives everything back.
 * Without Stripe for the tenant: 409 `stripe_not_configured` and nothing is written.
 */
export const buyOnline = async (req: PayloadRequest, raw: ReserveOrderInput) => {
  const { order, discount } = await reserveOrder(req, raw, 'checkout')
  const checkout = await startOrderCheckout(req, order.id, 'member')
  return { order, discount, checkout }
}
