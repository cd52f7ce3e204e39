import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { getEnv, OperationError, requireDeskRole, runSql, tenantsTable, type Money } from '@/core'
import { connectedAccount } from '../connectedAccount'
import { idempotencyKey } from '../idempotencyKey'
import { stripeCall } from '../stripeCall'
import { requireStripeClient } from '../stripeClient'
import { memberOfUser } from '@/core'
import { PAY_ONLINE_REFUSAL } from '../payOnlineRefusal'
import { platformFeeBps, splitFee } from '../../operations/platformFee'

export type PaymentCheckoutInput = {
  tenant: string
  /** What is paid for, e.g. `{ collection: 'orders', id }`; it comes back in the webhook's payment. */
  ref: { collection: string; id: string }
  member?: string | null
  amount: Money
  description: string
  /** Who asks: desk staff of the tenant (default), or the signed-in member `member` paying for their own order. */
  payer?: 'desk' | 'member'
  /** When the session stops taking payment (Stripe: 30 min to 24 h after creation); Stripe's 24 h when absent. */
  expiresAt?: Date | null
  /** Minor units of `amount` that pay for creator content: the platform takes its fee on them. */
  contentAmount?: number | null
}

/**
 * Desk staff take a card payment through Stripe for something already priced (a POS order): a
 * payment-mode Checkout Session on the tenant's connected account for exactly `amount`, with
 * metadata `{ tenant, kind: 'ref', refCollection, refId, member }` (also on the PaymentIntent). The
 * buyer pays on the returned URL (a QR code or link at the till); the webhook then records the
 * payment with that ref and emits `payment.checkout_completed` for its owner to settle.
 * Idempotency key `atrium:pos-checkout:<collection>:<id>:<amount>[:<expires_at>]`: asking twice returns the same session.
 * With `payer: 'member'` the signed-in member named by `member` pays for themself (no desk role needed).
 *
 * A creator sale (`contentAmount` > 0) carries the platform's fee (`platformFeeBps`, `splitFee`)
 * as a Connect **direct charge** application fee: `payment_intent_data.application_fee_amount`
 * on the session created on the connected account (`Stripe-Account`), so Stripe moves the fee to
 * the platform and the rest stays with the creator. `transfer_data` / `on_behalf_of` belong to
 * destination charges made on the platform's own account and are not sent. The fee also travels
 * in the metadata (`platformFee`, `platformFeeBps`) so the webhook records the same split, and is
 * part of the idempotency key.
 */
export const createPaymentCheckout = async (
  req: PayloadRequest,
  input: PaymentCheckoutInput,
): Promise<{ id: string; url: string }> => {
  if (input.payer === 'member') {
    if ((await memberOfUser(req, input.tenant, PAY_ONLINE_REFUSAL)).id !== input.member)
      throw new OperationError(403, 'forbidden', 'You can only pay for your own order.')
  } else requireDeskRole(req, input.tenant)
  if (!(input.amount.amount > 0)) throw new OperationError(409, 'nothing_to_pay', 'Nothing is left to pay.')
  const stripe = requireStripeClient()
  const account = await connectedAccount(req, input.tenant)
  if (!account)
    throw new OperationError(
      409,
      'stripe_not_configured',
      'This business does not take online payments yet: take cash or the card terminal.',
    )
  const split = input.contentAmount
    ? splitFee(input.amount.amount, input.contentAmount, await platformFeeBps(req, input.tenant))
    : null
  const metadata: Record<string, string> = {
    tenant: input.tenant,
    kind: 'ref',
    refCollection: input.ref.collection,
    refId: input.ref.id,
    ...(input.member ? { member: input.member } : {}),
    ...(split ? { platformFee: String(split.platformFee), platformFeeBps: String(split.bps) } : {}),
  }
  const fee = split?.platformFee ?? 0
  const t = tenantsTable(req)
  const [{ slug }] = await runSql<{ slug: string }>(
    req,
    sql`SELECT ${t.slug} AS slug FROM ${t.$table} WHERE ${t.id} = ${input.tenant}`,
  )
  const site = `${getEnv().SERVER_URL.replace(/\/$/, '')}/${slug}`
  const expiresAt = input.expiresAt ? Math.floor(input.expiresAt.getTime() / 1000) : null
  const session = await stripeCall(() =>
    stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: input.amount.currency.toLowerCase(),
              unit_amount: input.amount.amount,
              product_data: { name: input.description },
            },
          },
        ],
        metadata,
        payment_intent_data: { metadata, ...(fee > 0 ? { application_fee_amount: fee } : {}) },
        success_url: `${site}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${site}?checkout=canceled`,
        ...(expiresAt ? { expires_at: expiresAt } : {}),
      },
      {
        stripeAccount: account,
        idempotencyKey: idempotencyKey(
          'pos-checkout',
          input.ref.collection,
          input.ref.id,
          input.amount.amount,
          ...(expiresAt ? [expiresAt] : []),
          ...(fee > 0 ? [`fee${fee}`] : []),
        ),
      },
    ),
  )
  if (!session.url) throw new OperationError(502, 'stripe_no_url', 'Stripe did not return a checkout page; try again.')
  return { id: session.id, url: session.url }
}
