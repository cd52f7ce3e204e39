import type { TypedUser } from 'payload'
import type { CheckoutSessionReply } from '@plugins/billing/contract'
import type { BuyOnlineReply } from '@plugins/commerce/contract'
import { callEndpoint } from './callEndpoint'

export type PurchaseItem = { plan: string; priceKey: string } | { product: string; quantity: number }

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
          body: { lines: [item] },
          user,
        })
  const url = answer.ok ? externalUrl(answer.body.checkout?.url ?? answer.body.url) : null
  return url ? { url } : { error: answer.body.error ?? 'failed' }
}
