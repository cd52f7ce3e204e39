import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, OperationError, runSql } from '@/core'
import { toSubscriptionJson } from './billingContext'
import { subscriptionForChange } from './subscriptionAccess'

/**
 * Desk staff pause an active or trialing subscription (no entitlements while paused) or resume a
 * paused one; resuming pushes the period end out by the time spent paused.
 */
export const setSubscriptionPaused = async (req: PayloadRequest, id: string, paused: boolean) => {
  const { subscription } = await subscriptionForChange(req, id, false)
  if (subscription.provider === 'stripe') throw new OperationError(409, 'managed_by_stripe', 'This subscription is billed by Stripe; pause it there.')
  const [row] = paused
    ? await runSql<Record<string, unknown>>(
        req,
        sql`UPDATE subscriptions SET status = 'paused', paused_at = now(), updated_at = now()
            WHERE id = ${id} AND status IN ('active', 'trialing') RETURNING *`,
      )
    : await runSql<Record<string, unknown>>(
        req,
        sql`UPDATE subscriptions SET status = (CASE WHEN trial_end > now() THEN 'trialing' ELSE 'active' END)::enum_subscriptions_status,
                   current_period_end = current_period_end + (now() - coalesce(paused_at, now())), paused_at = NULL, updated_at = now()
            WHERE id = ${id} AND status = 'paused' RETURNING *`,
      )
  if (!row) {
    throw paused
      ? new OperationError(409, 'not_pausable', `A ${subscription.status} subscription cannot be paused.`)
      : new OperationError(409, 'not_paused', 'This subscription is not paused.')
  }
  const after = toSubscriptionJson(row)
  await audit(req, { category: 'billing', action: paused ? 'subscription.paused' : 'subscription.resumed', tenant: after.tenant, resourceType: 'subscriptions', resourceId: id, before: { status: subscription.status }, after: { status: after.status } })
  await emit(req, { type: paused ? 'subscription.paused' : 'subscription.resumed', tenant: after.tenant, subject: { collection: 'subscriptions', id }, data: { member: after.member, plan: after.plan, status: after.status } })
  return { subscription: after }
}
