import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import type { PlanDoc, PlanPrice, SubscriptionDoc } from '../types'

/** The IANA zone of a tenant (periods are computed on its wall clock). */
export const tenantZone = async (req: PayloadRequest, tenant: string): Promise<string> => {
  const [row] = await runSql<{ timezone: string | null }>(req, sql`SELECT timezone FROM tenants WHERE id = ${tenant}`)
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

type Row = Record<string, unknown>
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** The subscription row as JSON (ids for relations, ISO dates). */
export const toSubscriptionJson = (row: Row): SubscriptionDoc & Record<string, unknown> => ({
  id: String(row.id),
  tenant: String(row.tenant_id),
  member: String(row.member_id),
  plan: String(row.plan_id),
  priceKey: String(row.price_key),
  status: row.status as SubscriptionDoc['status'],
  provider: row.provider as SubscriptionDoc['provider'],
  currentPeriodStart: iso(row.current_period_start),
  currentPeriodEnd: iso(row.current_period_end),
  trialEnd: iso(row.trial_end),
  cancelAtPeriodEnd: Boolean(row.cancel_at_period_end),
  canceledAt: iso(row.canceled_at),
  pausedAt: iso(row.paused_at),
  dunningStage: (row.dunning_stage as string) ?? 'none',
  billingGroup: row.billing_group_id ? String(row.billing_group_id) : null,
})

/** Locks and reads one subscription (FOR UPDATE, in the request's transaction). */
export const lockSubscription = async (req: PayloadRequest, id: string) => {
  const [row] = await runSql<Row>(req, sql`SELECT * FROM subscriptions WHERE id = ${id} FOR UPDATE`)
  return row ? toSubscriptionJson(row) : undefined
}
