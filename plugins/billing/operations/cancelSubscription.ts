import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, emit, OperationError, runSql } from '@/core'
import { subscriptionColumns, toSubscriptionJson, type SubscriptionRow } from './billingContext'
import { subscriptionsTable } from './sql/subscriptionsTable'
import { subscriptionForChange } from './subscriptionAccess'

export const cancelSubscriptionInput = z.object({
  atPeriodEnd: z.boolean({ message: 'atPeriodEnd must be true or false.' }).default(true),
})

/**
 * Cancels a manual or Stripe-less subscription (the member or desk staff). `atPeriodEnd` (the
 * default) keeps the entitlements until `currentPeriodEnd`, when the renewal job ends it;
 * `false` ends it now.
 */
export const cancelSubscription = async (req: PayloadRequest, id: string, raw: unknown) => {
  const parsed = cancelSubscriptionInput.safeParse(raw ?? {})
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const { atPeriodEnd } = parsed.data
  const { subscription } = await subscriptionForChange(req, id, true)
  if (subscription.status === 'canceled')
    throw new OperationError(409, 'already_canceled', 'This subscription is already canceled.')
  if (subscription.provider === 'stripe')
    throw new OperationError(
      409,
      'managed_by_stripe',
      'This subscription is billed by Stripe; cancel it from the billing portal.',
    )
  const s = subscriptionsTable(req)
  const [row] =
    atPeriodEnd && subscription.currentPeriodEnd
      ? await runSql<SubscriptionRow>(
          req,
          sql`UPDATE ${s.$table} SET ${s.cancelAtPeriodEnd} = true, ${s.canceledAt} = now(), ${s.updatedAt} = now()
              WHERE ${s.id} = ${id} RETURNING ${subscriptionColumns(s)}`,
        )
      : await runSql<SubscriptionRow>(
          req,
          sql`UPDATE ${s.$table} SET ${s.status} = 'canceled', ${s.cancelAtPeriodEnd} = false, ${s.canceledAt} = now(),
                   ${s.currentPeriodEnd} = LEAST(coalesce(${s.currentPeriodEnd}, now()), now()), ${s.updatedAt} = now()
              WHERE ${s.id} = ${id} RETURNING ${subscriptionColumns(s)}`,
        )
  const after = toSubscriptionJson(row)
  await audit(req, {
    category: 'billing',
    action: 'subscription.canceled',
    tenant: after.tenant,
    resourceType: 'subscriptions',
    resourceId: id,
    before: { status: subscription.status },
    after: { status: after.status, cancelAtPeriodEnd: after.cancelAtPeriodEnd },
  })
  await emit(req, {
    type: 'subscription.canceled',
    tenant: after.tenant,
    subject: { collection: 'subscriptions', id },
    data: {
      member: after.member,
      plan: after.plan,
      atPeriodEnd: after.cancelAtPeriodEnd,
      endsAt: after.currentPeriodEnd,
    },
  })
  return { subscription: after }
}
