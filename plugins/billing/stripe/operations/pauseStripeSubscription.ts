import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, lockKey, OperationError, runSql } from '@/core'
import { subscriptionColumns, toSubscriptionJson, type SubscriptionRow } from '../../operations/billingContext'
import { subscriptionsTable } from '../../operations/sql/subscriptionsTable'
import { subscriptionForChange } from '../../operations/subscriptionAccess'
import { connectedAccount } from '../connectedAccount'
import { idempotencyKey } from '../idempotencyKey'
import { stripeCall } from '../stripeCall'
import { requireStripeClient } from '../stripeClient'
import { syncStripeSubscription } from './syncStripeSubscription'

/**
 * Desk staff pause (optionally `until` a time) or resume a Stripe subscription: Stripe's
 * `pause_collection` (`behavior: void`, `resumes_at` = until; cleared on resume) on the tenant's
 * account, then our row is mirrored from Stripe by the webhook's own sync (paused: no
 * entitlements, `pauseUntil` = `resumes_at`; Stripe resumes it by itself at that time and the
 * webhook mirrors that). Runs under the subscription's Stripe lock (taken before the row lock,
 * like the webhook), so a concurrent event cannot interleave; the idempotency key names the row's
 * last change, so a retried request repeats the same call.
 */
export const pauseStripeSubscription = async (
  req: PayloadRequest,
  id: string,
  stripeSubscription: string,
  paused: boolean,
  until: string | null,
) => {
  await lockKey(req, `stripe-subscription:${stripeSubscription}`)
  const { subscription } = await subscriptionForChange(req, id, false)
  if (paused && !['active', 'trialing', 'past_due'].includes(subscription.status))
    throw new OperationError(409, 'not_pausable', `A ${subscription.status} subscription cannot be paused.`)
  if (!paused && subscription.status !== 'paused')
    throw new OperationError(409, 'not_paused', 'This subscription is not paused.')
  const stripe = requireStripeClient()
  const account = await connectedAccount(req, subscription.tenant)
  if (!account)
    throw new OperationError(
      409,
      'stripe_not_configured',
      'This business does not take online payments any more; the subscription cannot be changed on Stripe.',
    )
  const s = subscriptionsTable(req)
  const [{ updated_at: version }] = await runSql<{ updated_at: string }>(
    req,
    sql`SELECT ${s.updatedAt} AS updated_at FROM ${s.$table} WHERE ${s.id} = ${id}`,
  )
  const resumesAt = until ? Math.floor(new Date(until).getTime() / 1000) : undefined
  await stripeCall(() =>
    stripe.subscriptions.update(
      stripeSubscription,
      { pause_collection: paused ? { behavior: 'void', ...(resumesAt ? { resumes_at: resumesAt } : {}) } : '' },
      {
        stripeAccount: account,
        idempotencyKey: idempotencyKey(
          paused ? 'pause' : 'resume',
          id,
          resumesAt ?? 'open',
          new Date(version).getTime(),
        ),
      },
    ),
  )
  const synced = await stripeCall(() =>
    syncStripeSubscription(req, {
      tenant: subscription.tenant,
      account,
      subscription: stripeSubscription,
      eventCreated: Math.floor(Date.now() / 1000),
    }),
  )
  const [row] = await runSql<SubscriptionRow>(
    req,
    sql`SELECT ${subscriptionColumns(s)} FROM ${s.$table} WHERE ${s.id} = ${id}`,
  )
  const after = toSubscriptionJson(row)
  const pauseUntil = row.pause_until ? new Date(row.pause_until).toISOString() : null
  await audit(req, {
    category: 'billing',
    action: paused ? 'subscription.paused' : 'subscription.resumed',
    tenant: subscription.tenant,
    resourceType: 'subscriptions',
    resourceId: id,
    before: { status: subscription.status },
    after: { status: after.status, pauseUntil, by: 'staff', provider: 'stripe', sync: synced.outcome },
  })
  return { subscription: { ...after, pauseUntil } }
}
