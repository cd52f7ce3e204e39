import type { CollectionSlug, PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { getEnv, OperationError, runSql, tenantsTable } from '@/core'
import type { PlanDoc } from '../../types'
import { connectedAccount } from '../connectedAccount'
import { idempotencyKey } from '../idempotencyKey'
import { contentPlanFeeBps, splitFee } from '../../operations/platformFee'
import { stripeCall } from '../stripeCall'
import { requireStripeClient } from '../stripeClient'
import { ensureStripeCustomer } from './ensureStripeCustomer'
import { memberOfUser } from '@/core'
import { PAY_ONLINE_REFUSAL } from '../payOnlineRefusal'
import { checkoutSessionInput, type CheckoutSessionInput } from '../../contract'
import { subscriptionsTable } from '../../operations/sql/subscriptionsTable'

export { checkoutSessionInput, type CheckoutSessionInput }

const tenantIdOf = (tenant: string | { id: string }) => (typeof tenant === 'string' ? tenant : tenant.id)

/** How long a repeated click reuses the same session (the idempotency window of a checkout). */
const CHECKOUT_WINDOW_MS = 10 * 60 * 1000

/**
 * A signed-in member starts paying a plan online: a Stripe Checkout Session on the tenant's
 * connected account, in subscription mode for a recurring price, or payment mode for a one-time
 * price (the paid session starts the plan's one-time access, `startCheckoutPlan`). The session
 * carries metadata (tenant, member, plan, priceKey) that the webhook uses to link what was bought;
 * a content-tier plan (`billing.contentPlan`) carries the platform's fee as a Connect application fee
 * (`subscription_data.application_fee_percent` = bps / 100 on each invoice, or
 * `payment_intent_data.application_fee_amount` for a one-time price);
 * success and cancel URLs lead back to the tenant's site. Products are bought with
 * `POST /api/orders/buy` (commerce: the order holds stock while the member pays): `kind: 'product'`
 * answers 400 saying so.
 * 409 `stripe_not_configured` when Stripe is off or the tenant has not connected it (pay at the desk).
 */
export const createCheckoutSession = async (
  req: PayloadRequest,
  raw: unknown,
): Promise<{ id: string; url: string }> => {
  if ((raw as { kind?: unknown } | null)?.kind === 'product') {
    throw new OperationError(
      400,
      'use_orders_buy',
      'Products are bought with POST /api/orders/buy { lines: [{ product, quantity }] }: the order holds the stock while you pay.',
    )
  }
  const input = checkoutSessionInput.parse(raw)
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')

  const plan = await req.payload.db.findOne<PlanDoc>({
    collection: 'membership-plans' as CollectionSlug,
    where: { id: { equals: input.plan } },
    req,
  })
  if (!plan) throw new OperationError(404, 'plan_not_found', 'No such plan.')
  const tenant = tenantIdOf(plan.tenant)
  if (!plan.active) throw new OperationError(409, 'plan_inactive', `${plan.name} is not sold any more.`)
  const price = (plan.prices ?? []).find((p) => p.key === input.priceKey)
  if (!price || !price.active)
    throw new OperationError(404, 'price_not_found', `${plan.name} has no active price "${input.priceKey}".`)
  const oneTime = price.interval === 'one_time'
  const mode: 'subscription' | 'payment' = oneTime ? 'payment' : 'subscription'
  const trialDays = oneTime ? 0 : (plan.trialDays ?? 0)
  const lineItem: Stripe.Checkout.SessionCreateParams.LineItem = price.stripePriceId
    ? { price: price.stripePriceId, quantity: 1 }
    : {
        quantity: 1,
        price_data: {
          currency: price.currency.toLowerCase(),
          unit_amount: price.amount,
          ...(oneTime
            ? {}
            : {
                recurring: {
                  interval: price.interval as 'week' | 'month' | 'year',
                  interval_count: price.intervalCount ?? 1,
                },
              }),
          product_data: { name: plan.name },
        },
      }
  const metadata: Record<string, string> = { tenant, kind: 'plan', plan: plan.id, priceKey: price.key }
  const itemKey = `plan:${plan.id}:${price.key}`

  const member = await memberOfUser(req, tenant, PAY_ONLINE_REFUSAL)
  const s = subscriptionsTable(req)
  const [live] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${s.id} AS id FROM ${s.$table} WHERE ${s.member} = ${member.id} AND ${s.plan} = ${input.plan}
        AND ${s.status} IN ('incomplete', 'trialing', 'active', 'past_due', 'paused') LIMIT 1`,
  )
  if (live)
    throw new OperationError(409, 'already_subscribed', 'You already have this plan; manage it from your account.')
  const stripe = requireStripeClient()
  const account = await connectedAccount(req, tenant)
  if (!account)
    throw new OperationError(
      409,
      'stripe_not_configured',
      'This business does not take online payments yet: please pay at the front desk.',
    )
  metadata.member = member.id
  // A content tier (lms content rules): the platform's fee as a Connect application fee (direct charge).
  const feeBps = await contentPlanFeeBps(req, tenant, plan.id)
  const oneTimeFee = feeBps && oneTime ? (splitFee(price.amount, price.amount, feeBps)?.platformFee ?? 0) : 0
  if (feeBps !== null) metadata.platformFeeBps = String(feeBps)

  const customer = await stripeCall(() => ensureStripeCustomer(req, stripe, account, member))
  const t = tenantsTable(req)
  const [{ slug }] = await runSql<{ slug: string }>(
    req,
    sql`SELECT ${t.slug} AS slug FROM ${t.$table} WHERE ${t.id} = ${tenant}`,
  )
  const site = `${getEnv().SERVER_URL.replace(/\/$/, '')}/${slug}`

  const session = await stripeCall(() =>
    stripe.checkout.sessions.create(
      {
        mode,
        customer,
        client_reference_id: member.id,
        line_items: [lineItem],
        metadata,
        ...(mode === 'subscription'
          ? {
              subscription_data: {
                metadata,
                ...(trialDays > 0 ? { trial_period_days: trialDays } : {}),
                ...(feeBps ? { application_fee_percent: feeBps / 100 } : {}),
              },
            }
          : { payment_intent_data: { metadata, ...(oneTimeFee > 0 ? { application_fee_amount: oneTimeFee } : {}) } }),
        success_url: `${site}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${site}?checkout=canceled`,
      },
      {
        stripeAccount: account,
        idempotencyKey: idempotencyKey('checkout', member.id, itemKey, Math.floor(Date.now() / CHECKOUT_WINDOW_MS)),
      },
    ),
  )
  if (!session.url) throw new OperationError(502, 'stripe_no_url', 'Stripe did not return a checkout page; try again.')
  return { id: session.id, url: session.url }
}
