import type { TypedUser } from 'payload'
import type { CheckoutSessionReply } from '@plugins/billing/contract'
import type { BuyOnlineReply } from '@plugins/commerce/contract'
import { callEndpoint } from './callEndpoint'

export type PurchaseItem =
  | { plan: string; priceKey: string }
  | { product: string; quantity: number; /** An offer's code, applied by commerce's coupon path. */ coupon?: string }

/** The body of `POST /api/orders/buy` and `/reserve` for one product: its line, and the offer's coupon code if any. */
export const purchaseBody = (item: { product: string; quantity: number; coupon?: string }) => ({
  lines: [{ product: item.product, quantity: item.quantity }],
  ...(item.coupon ? { coupon: item.coupon } : {}),
})

/** Only a URL of the payment provider's page is followed (never a path of ours or a script). */
export const externalUrl = (url: unknown): string | null =>
  typeof url === 'string' && /^https?:\/\/[^\s]+$/.test(url) ? url : null

/**
 * Starts paying online for a plan price or a product, as the member: plans through billing's
 * `POST /api/billing/checkout { kind: 'plan' }` → `{ url }`; products through commerce's
 * `POST /api/orders/buy { lines }` → `{ order, checkout: { url } }` (the pending order holds the stock
 * while the member pays; 409 `out_of_stock` when others hold or bought the rest). The Stripe
 * Checkout URL to send the member to, or the endpoint's error code.
 */
export const startOnlinePurchase = async (
  user: TypedUser,
  item: PurchaseItem,
): Promise<{ url: string } | { error: string }> => {
  type Started = Partial<CheckoutSessionReply> & Partial<Pick<BuyOnlineReply, 'checkout'>>
  const answer =
    'plan' in item
      ? await callEndpoint<Started>({
          path: '/billing/checkout',
          method: 'post',
          body: { kind: 'plan', ...item },
          user,
        })
      : await callEndpoint<Started>({
          collection: 'orders',
          path: '/buy',
          method: 'post',
          body: purchaseBody(item),
          user,
        })
  const url = answer.ok ? externalUrl(answer.body.checkout?.url ?? answer.body.url) : null
  return url ? { url } : { error: answer.body.error ?? 'failed' }
}
