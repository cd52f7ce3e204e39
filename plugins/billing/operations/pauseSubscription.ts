import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, emit, inTransaction, OperationError, runSql } from '@/core'
import { pauseStripeSubscription } from '../stripe/operations/pauseStripeSubscription'
import { toSubscriptionJson } from './billingContext'
import { subscriptionForChange } from './subscriptionAccess'

export const pauseSubscriptionInput = z.object({
  until: z.iso
    .datetime({ offset: true, message: 'until must be an ISO date-time such as 2026-12-01T00:00:00Z.' })
    .refine((value) => new Date(value).getTime() > Date.now(), { message: 'until must be in the future.' })
    .nullish(),
})

/** The resume itself: one conditional UPDATE on a paused row; the period end moves out by the time spent paused. */
const resumeRow = async (req: PayloadRequest, id: string) =>
  (
    await runSql<Record<string, unknown>>(
      req,
      sql`UPDATE subscriptions SET status = (CASE WHEN trial_end > now() THEN 'trialing' ELSE 'active' END)::enum_subscriptions_status,
                 current_period_end = current_period_end + (now() - coalesce(paused_at, now())), paused_at = NULL, pause_until = NULL, updated_at = now()
          WHERE id = ${id} AND status = 'paused' RETURNING *`,
    )
  )[0]

const announce = async (
  req: PayloadRequest,
  row: Record<string, unknown>,
  paused: boolean,
  before: string,
  by: 'staff' | 'schedule',
) => {
  const after = toSubscriptionJson(row)
  const id = after.id
  await audit(req, {
    category: 'billing',
    action: paused ? 'subscription.paused' : 'subscription.resumed',
    tenant: after.tenant,
    resourceType: 'subscriptions',
    resourceId: id,
    before: { status: before },
    after: {
      status: after.status,
      pauseUntil: row.pause_until ? new Date(row.pause_until as string).toISOString() : null,
      by,
    },
  })
  await emit(req, {
    type: paused ? 'subscription.paused' : 'subscription.resumed',
    tenant: after.tenant,
    subject: { collection: 'subscriptions', id },
    data: { member: after.member, plan: after.plan, status: after.status },
  })
  return {
    subscription: { ...after, pauseUntil: row.pause_until ? new Date(row.pause_until as string).toISOString() : null },
  }
}

/**
 * Desk staff pause an active or trialing subscription (no entitlements while paused), optionally
 * `until` a time after which the daily job resumes it, or resume a paused one; resuming pushes the
 * period end out by the time spent paused. A Stripe subscription is paused on Stripe
 * (`pauseStripeSubscription`: `pause_collection`, resumed by Stripe at `until`).
 */
export const setSubscriptionPaused = async (req: PayloadRequest, id: string, paused: boolean, raw: unknown = {}) => {
  const parsed = pauseSubscriptionInput.safeParse(raw ?? {})
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const [billed] = await runSql<{ provider: string; stripe_subscription_id: string | null }>(
    req,
    sql`SELECT provider, stripe_subscription_id FROM subscriptions WHERE id = ${id}`,
  )
  if (billed?.provider === 'stripe' && billed.stripe_subscription_id)
    return pauseStripeSubscription(
      req,
      id,
      billed.stripe_subscription_id,
      paused,
      paused ? (parsed.data.until ?? null) : null,
    )
  const { subscription } = await subscriptionForChange(req, id, false)
  if (subscription.provider === 'stripe')
    throw new OperationError(409, 'managed_by_stripe', 'This subscription is billed by Stripe; pause it there.')
  const row = paused
    ? (
        await runSql<Record<string, unknown>>(
          req,
          sql`UPDATE subscriptions SET status = 'paused', paused_at = now(), pause_until = ${parsed.data.until ?? null}::timestamptz, updated_at = now()
              WHERE id = ${id} AND status IN ('active', 'trialing') RETURNING *`,
        )
      )[0]
    : await resumeRow(req, id)
  if (!row) {
    throw paused
      ? new OperationError(409, 'not_pausable', `A ${subscription.status} subscription cannot be paused.`)
      : new OperationError(409, 'not_paused', 'This subscription is not paused.')
  }
  return announce(req, row, paused, subscription.status, 'staff')
}

/**
 * Daily: manual subscriptions paused until a time that has passed are resumed, one transaction
 * each (a concurrent run or a desk resume wins the conditional UPDATE; the other changes nothing).
 */
export const resumeDuePauses = async (req: PayloadRequest): Promise<number> => {
  const due = await runSql<{ id: string }>(
    { payload: req.payload, transactionID: undefined },
    sql`SELECT id FROM subscriptions WHERE provider = 'manual' AND status = 'paused' AND pause_until <= now() ORDER BY pause_until LIMIT 1000`,
  )
  let resumed = 0
  for (const { id } of due) {
    const tx = { ...req, transactionID: undefined } as PayloadRequest
    resumed += await inTransaction(tx, async () => {
      const row = await resumeRow(tx, String(id))
      if (!row) return 0
      await announce(tx, row, false, 'paused', 'schedule')
      return 1
    })
  }
  return resumed
}
