import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { hasCollection, idOf, runSql } from '@/core'
import { contentSubscriptionsTable } from './sql/contentSubscriptionsTable'

/** Subscription statuses that give content access (billing: past due keeps it during dunning). */
export const ENTITLED_SUBSCRIPTION_STATUSES = ['trialing', 'active', 'past_due'] as const

/**
 * Brings lms's copy of one billing subscription up to date (a `subscription.*` event arrived):
 * re-reads the subscription through Payload and upserts `content-subscriptions` in one statement.
 * Entitled while trialing, active or past due; cancelled at period end → access until
 * `currentPeriodEnd`; canceled, paused or incomplete → none. Idempotent, and the order of
 * deliveries does not matter (it always copies the current state).
 */
export const syncContentSubscription = async (
  req: PayloadRequest,
  input: { tenant: string; subscription: string },
): Promise<{ entitled: boolean; accessUntil: string | null } | null> => {
  if (!hasCollection(req.payload, 'subscriptions')) return null
  const sub = await req.payload.findByID({
    collection: 'subscriptions',
    id: input.subscription,
    depth: 0,
    req,
    disableErrors: true,
  })
  const member = idOf(sub?.member)
  const plan = idOf(sub?.plan)
  if (!sub || !member || !plan || idOf(sub.tenant) !== input.tenant) return null
  const entitled = (ENTITLED_SUBSCRIPTION_STATUSES as readonly string[]).includes(sub.status)
  const accessUntil = entitled && sub.cancelAtPeriodEnd ? (sub.currentPeriodEnd ?? null) : null
  const t = contentSubscriptionsTable(req)
  await runSql(
    req,
    sql`INSERT INTO ${t.$table} (${t.tenant}, ${t.member}, ${t.subscription}, ${t.plan}, ${t.status}, ${t.entitled},
          ${t.accessUntil}, ${t.syncedAt}, ${t.updatedAt}, ${t.createdAt})
        VALUES (${input.tenant}, ${member}, ${input.subscription}, ${plan}, ${sub.status}, ${entitled},
          ${accessUntil}::timestamptz, now(), now(), now())
        ON CONFLICT (${t.tenant}, ${t.subscription}) DO UPDATE
          SET ${t.member} = EXCLUDED.${t.member}, ${t.plan} = EXCLUDED.${t.plan}, ${t.status} = EXCLUDED.${t.status},
              ${t.entitled} = EXCLUDED.${t.entitled}, ${t.accessUntil} = EXCLUDED.${t.accessUntil},
              ${t.syncedAt} = now(), ${t.updatedAt} = now()`,
  )
  return { entitled, accessUntil }
}
