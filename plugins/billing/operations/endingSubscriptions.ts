import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { EndingSubscription, EndingSubscriptionsInput } from '../contract'
import { subscriptionsTable } from './sql/subscriptionsTable'

/**
 * The `marketing.endingSubscriptions` port (marketing's intro-offer and membership-ending
 * triggers): trials (`trialing`, `trialEnd`) or terms (set to cancel at period end, not canceled
 * yet, `currentPeriodEnd`) of the tenant ending in the window, soonest first.
 */
export const endingSubscriptions = async (
  req: PayloadRequest,
  input: EndingSubscriptionsInput,
): Promise<EndingSubscription[]> => {
  const s = subscriptionsTable(req)
  const end = input.kind === 'trial' ? s.trialEnd : s.currentPeriodEnd
  const which =
    input.kind === 'trial'
      ? sql`s.${s.status} = 'trialing'`
      : sql`s.${s.cancelAtPeriodEnd} IS TRUE AND s.${s.status} IN ('trialing', 'active', 'past_due')`
  const only = input.subscriptions
    ? sql`AND s.${s.id} IN (${
        input.subscriptions.length
          ? sql.join(
              input.subscriptions.map((id) => sql`${id}`),
              sql`, `,
            )
          : sql`NULL`
      })`
    : sql``
  const rows = await runSql<{ subscription: string; member: string; ends_at: Date | string }>(
    req,
    sql`SELECT s.${s.id} AS subscription, s.${s.member} AS member, s.${end} AS ends_at FROM ${s.$table} s
        WHERE s.${s.tenant} = ${input.tenant} AND ${which}
          AND s.${end} > ${input.after}::timestamptz AND s.${end} <= ${input.until}::timestamptz ${only}
        ORDER BY s.${end}, s.${s.id} LIMIT ${Math.min(Math.max(1, input.limit ?? 1000), 10_000)}`,
  )
  return rows.map((r) => ({
    subscription: String(r.subscription),
    member: String(r.member),
    endsAt: new Date(r.ends_at).toISOString(),
  }))
}
