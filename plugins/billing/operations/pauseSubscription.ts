import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, emit, inTransaction, OperationError, runSql } from '@/core'
import { pauseStripeSubscription } from '../stripe/operations/pauseStripeSubscription'
import { subscriptionColumns, toSubscriptionJson, type SubscriptionRow } from './billingContext'
import { subscriptionsTable } from './sql/subscriptionsTable'
import { subscriptionForChange } from './subscriptionAccess'

export const pauseSubscriptionInput = z.object({
  until: z.iso
    .datetime({ offset: true, message: 'until must be an ISO date-time such as 2026-12-01T00:00:00Z.' })
    .refine((value) => new Date(value).getTime() > Date.now(), { message: 'until must be in the future.' })
    .nullish(),
})

/** The resume itself: one conditional UPDATE on a paused row; the period end moves out by the time spent paused. */
const resumeRow = async (req: PayloadRequest, id: string): Promise<SubscriptionRow | undefined> => {
  const s = subscriptionsTable(req)
  const [row] = await runSql<SubscriptionRow>(
    req,
    sql`UPDATE ${s.$table} SET ${s.status} = (CASE WHEN ${s.trialEnd} > now() THEN 'trialing' ELSE 'active' END)::${s.$enum.status},
               ${s.currentPeriodEnd} = ${s.currentPeriodEnd} + (now() - coalesce(${s.pausedAt}, now())), ${s.pausedAt} = NULL,
               ${s.pauseUntil} = NULL, ${s.updatedAt} = now()
        WHERE ${s.id} = ${id} AND ${s.status} = 'paused' RETURNING ${subscriptionColumns(s)}`,
  )
  return row
}

const announce = async (
  req: PayloadRequest,
  row: SubscriptionRow,
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
      pauseUntil: row.pause_until ? new Date(row.pause_until).toISOString() : null,
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
    subscription: { ...after, pauseUntil: row.pause_until ? new Date(row.pause_until).toISOString() : null },
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
  const s = subscriptionsTable(req)
  const [billed] = await runSql<{ provider: string; stripe_subscription_id: string | null }>(
    req,
    sql`SELECT ${s.provider} AS provider, ${s.stripeSubscriptionId} AS stripe_subscription_id FROM ${s.$table} WHERE ${s.id} = ${id}`,
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
        await runSql<SubscriptionRow>(
          req,
          sql`UPDATE ${s.$table} SET ${s.status} = 'paused', ${s.pausedAt} = now(),
                ${s.pauseUntil} = ${parsed.data.until ?? null}::timestamptz, ${s.updatedAt} = now()
              WHERE ${s.id} = ${id} AND ${s.status} IN ('active', 'trialing') RETURNING ${subscriptionColumns(s)}`,
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
  const s = subscriptionsTable(req)
  const due = await runSql<{ id: string }>(
    { payload: req.payload, transactionID: undefined },
    sql`SELECT ${s.id} AS id FROM ${s.$table}
        WHERE ${s.provider} = 'manual' AND ${s.status} = 'paused' AND ${s.pauseUntil} <= now() ORDER BY ${s.pauseUntil} LIMIT 1000`,
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
