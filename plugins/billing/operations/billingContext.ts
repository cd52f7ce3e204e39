import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql, sqlFragment, tenantsTable } from '@/core'
import type { PlanDoc, PlanPrice, SubscriptionDoc } from '../types'
import { subscriptionsTable } from './sql/subscriptionsTable'

/** The IANA zone of a tenant (periods are computed on its wall clock). */
export const tenantZone = async (req: PayloadRequest, tenant: string): Promise<string> => {
  const t = tenantsTable(req)
  const [row] = await runSql<{ timezone: string | null }>(
    req,
    sql`SELECT ${t.timezone} AS timezone FROM ${t.$table} WHERE ${t.id} = ${tenant}`,
  )
  return row?.timezone || 'UTC'
}

/** A plan of `tenant` (404 when it belongs to another tenant or does not exist). */
export const loadPlan = async (req: PayloadRequest, tenant: string, id: string): Promise<PlanDoc> => {
  const plan = await req.payload.db.findOne<PlanDoc>({
    collection: 'membership-plans',
    where: { and: [{ id: { equals: id } }, { tenant: { equals: tenant } }] },
    req,
  })
  if (!plan) throw new OperationError(404, 'plan_not_found', 'No such plan in this business.')
  return plan
}

export const priceOf = (plan: PlanDoc, key: string): PlanPrice | undefined =>
  (plan.prices ?? []).find((price) => price.key === key)

type Timestamp = string | Date | null

/** A subscription row as `subscriptionColumns` selects it. */
export type SubscriptionRow = {
  id: string
  tenant_id: string
  member_id: string
  plan_id: string
  price_key: string
  status: SubscriptionDoc['status']
  provider: SubscriptionDoc['provider']
  stripe_subscription_id: string | null
  current_period_start: Timestamp
  current_period_end: Timestamp
  trial_end: Timestamp
  cancel_at_period_end: boolean | null
  canceled_at: Timestamp
  paused_at: Timestamp
  pause_until: Timestamp
  dunning_stage: string | null
  billing_group_id: string | null
}

/** The columns of a subscription row: `RETURNING ${subscriptionColumns(s)}`, read by `toSubscriptionJson`. */
export const subscriptionColumns = sqlFragment(
  (s: ReturnType<typeof subscriptionsTable>) =>
    sql`${s.id} AS id, ${s.tenant} AS tenant_id, ${s.member} AS member_id, ${s.plan} AS plan_id, ${s.priceKey} AS price_key,
      ${s.status} AS status, ${s.provider} AS provider, ${s.stripeSubscriptionId} AS stripe_subscription_id,
      ${s.currentPeriodStart} AS current_period_start, ${s.currentPeriodEnd} AS current_period_end, ${s.trialEnd} AS trial_end,
      ${s.cancelAtPeriodEnd} AS cancel_at_period_end, ${s.canceledAt} AS canceled_at, ${s.pausedAt} AS paused_at,
      ${s.pauseUntil} AS pause_until, ${s.dunningStage} AS dunning_stage, ${s.billingGroup} AS billing_group_id`,
)

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** The subscription row as JSON (ids for relations, ISO dates). */
export const toSubscriptionJson = (row: SubscriptionRow): SubscriptionDoc & Record<string, unknown> => ({
  id: String(row.id),
  tenant: String(row.tenant_id),
  member: String(row.member_id),
  plan: String(row.plan_id),
  priceKey: String(row.price_key),
  status: row.status,
  provider: row.provider,
  currentPeriodStart: iso(row.current_period_start),
  currentPeriodEnd: iso(row.current_period_end),
  trialEnd: iso(row.trial_end),
  cancelAtPeriodEnd: Boolean(row.cancel_at_period_end),
  canceledAt: iso(row.canceled_at),
  pausedAt: iso(row.paused_at),
  dunningStage: row.dunning_stage ?? 'none',
  billingGroup: row.billing_group_id ? String(row.billing_group_id) : null,
})

/** Locks and reads one subscription (FOR UPDATE, in the request's transaction). */
export const lockSubscription = async (req: PayloadRequest, id: string) => {
  const s = subscriptionsTable(req)
  const [row] = await runSql<SubscriptionRow>(
    req,
    sql`SELECT ${subscriptionColumns(s)} FROM ${s.$table} WHERE ${s.id} = ${id} FOR UPDATE`,
  )
  return row ? toSubscriptionJson(row) : undefined
}
