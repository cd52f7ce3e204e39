import type { CollectionSlug, PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { emit, lockKey, runSql, tenantMembershipsTable } from '@/core'
import { loadPlan, tenantZone } from '../../operations/billingContext'
import { grantPeriod } from '../../operations/grantPeriod'
import { SEND_DUNNING_NOTICE_TASK } from '../jobs/taskSlugs'
import { requireStripeClient } from '../stripeClient'
import { mirrorOfSubscription } from './mirrorOfSubscription'
import { membershipPlansTable } from '../../operations/sql/membershipPlansTable'
import { subscriptionsTable } from '../../operations/sql/subscriptionsTable'

export type SyncInput = {
  tenant: string
  account: string
  subscription: string
  /** `event.created` (seconds) of the event that asked for the sync. */
  eventCreated: number
}

export type SyncResult =
  | { outcome: 'applied' | 'stale'; subscription: string; status: string; dunningStage: string }
  | { outcome: 'unlinked' | 'foreign'; subscription: null }

type Row = {
  id: string
  tenant_id: string
  member_id: string
  plan_id: string
  status: string
  dunning_stage: string
  current_period_start: string | null
}

const STATUS_EVENTS: Record<
  string,
  'subscription.activated' | 'subscription.past_due' | 'subscription.paused' | 'subscription.canceled'
> = {
  active: 'subscription.activated',
  past_due: 'subscription.past_due',
  paused: 'subscription.paused',
  canceled: 'subscription.canceled',
}

/** Creates our row for a Stripe subscription started by our Checkout (its metadata names tenant, member, plan, price). */
const linkSubscription = async (
  req: PayloadRequest,
  input: SyncInput,
  sub: Stripe.Subscription,
): Promise<Row | null> => {
  const meta = sub.metadata ?? {}
  if (meta.tenant !== input.tenant || !meta.member || !meta.plan || !meta.priceKey) return null
  const m = tenantMembershipsTable(req)
  const mp = membershipPlansTable(req)
  const s = subscriptionsTable(req)
  const [owned] = await runSql<{ ok: boolean }>(
    req,
    sql`SELECT EXISTS (SELECT 1 FROM ${m.$table} WHERE ${m.id} = ${meta.member} AND ${m.tenant} = ${input.tenant})
           AND EXISTS (SELECT 1 FROM ${mp.$table} WHERE ${mp.id} = ${meta.plan} AND ${mp.tenant} = ${input.tenant}) AS ok`,
  )
  if (!owned?.ok) return null
  // One live subscription per member and plan (a partial unique index): never race it into a failing insert.
  const [live] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${s.id} AS id FROM ${s.$table} WHERE ${s.member} = ${meta.member} AND ${s.plan} = ${meta.plan}
        AND ${s.status} IN ('incomplete', 'trialing', 'active', 'past_due', 'paused') LIMIT 1`,
  )
  if (live) return null
  const doc = (await req.payload.db.create({
    collection: 'subscriptions' as CollectionSlug,
    data: {
      tenant: input.tenant,
      member: meta.member,
      plan: meta.plan,
      priceKey: meta.priceKey,
      provider: 'stripe',
      status: 'incomplete',
      dunningStage: 'none',
      cancelAtPeriodEnd: false,
      stripeSubscriptionId: sub.id,
    },
    req,
  })) as { id: string }
  await emit(req, {
    type: 'subscription.created',
    tenant: input.tenant,
    subject: { collection: 'subscriptions', id: doc.id },
    data: { member: meta.member, plan: meta.plan, priceKey: meta.priceKey, provider: 'stripe' },
  })
  return {
    id: doc.id,
    tenant_id: input.tenant,
    member_id: meta.member,
    plan_id: meta.plan,
    status: 'incomplete',
    dunning_stage: 'none',
    current_period_start: null,
  }
}

/**
 * Mirrors one Stripe subscription onto ours. The event is only a notification: under a lock on
 * the subscription, it is re-read from Stripe (with its latest invoice, for dunning), so whatever
 * order events arrive in, the row ends as Stripe has it. The write is one conditional UPDATE that
 * applies only when the triggering event is not older than the last one applied
 * (`last_event_at`). Stripe subscriptions unknown to us are created from their Checkout metadata;
 * one linked to another tenant is never touched. Status changes emit events, each new dunning
 * stage queues a notice to the member, and an active period gets its credits once (`grantPeriod`).
 */
export const syncStripeSubscription = async (req: PayloadRequest, input: SyncInput): Promise<SyncResult> => {
  const stripe = requireStripeClient()
  // Lock first, then read: reads of one subscription are serialised, so no write carries an older read than the last.
  await lockKey(req, `stripe-subscription:${input.subscription}`)
  const sub = await stripe.subscriptions.retrieve(
    input.subscription,
    { expand: ['latest_invoice'] },
    { stripeAccount: input.account },
  )
  const s = subscriptionsTable(req)
  let [row] = await runSql<Row>(
    req,
    sql`SELECT ${s.id} AS id, ${s.tenant} AS tenant_id, ${s.member} AS member_id, ${s.plan} AS plan_id, ${s.status} AS status,
               ${s.dunningStage} AS dunning_stage, ${s.currentPeriodStart} AS current_period_start
        FROM ${s.$table} WHERE ${s.stripeSubscriptionId} = ${sub.id} FOR UPDATE`,
  )
  if (row && row.tenant_id !== input.tenant) return { outcome: 'foreign', subscription: null }
  if (!row) {
    const linked = await linkSubscription(req, input, sub)
    if (!linked) return { outcome: 'unlinked', subscription: null }
    row = linked
  }

  const m = mirrorOfSubscription(sub)
  const eventAt = new Date(input.eventCreated * 1000).toISOString()
  const applied = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${s.$table} SET
          ${s.status} = ${m.status}, ${s.dunningStage} = ${m.dunningStage}, ${s.provider} = 'stripe',
          ${s.stripeCustomerId} = COALESCE(${m.stripeCustomerId}, ${s.stripeCustomerId}),
          ${s.currentPeriodStart} = ${m.currentPeriodStart}, ${s.currentPeriodEnd} = ${m.currentPeriodEnd},
          ${s.trialEnd} = ${m.trialEnd}, ${s.cancelAtPeriodEnd} = ${m.cancelAtPeriodEnd}, ${s.canceledAt} = ${m.canceledAt},
          ${s.pausedAt} = CASE WHEN ${m.status} = 'paused' THEN COALESCE(${s.pausedAt}, ${eventAt}::timestamptz) ELSE NULL END,
          ${s.pauseUntil} = ${m.pauseUntil}::timestamptz,
          ${s.lastEventAt} = ${eventAt}::timestamptz, ${s.updatedAt} = now()
        WHERE ${s.id} = ${row.id} AND (${s.lastEventAt} IS NULL OR ${s.lastEventAt} <= ${eventAt}::timestamptz)
        RETURNING ${s.id} AS id`,
  )
  if (applied.length === 0)
    return { outcome: 'stale', subscription: row.id, status: row.status, dunningStage: row.dunning_stage }

  const subject = { collection: 'subscriptions', id: row.id }
  if (m.status !== row.status && STATUS_EVENTS[m.status]) {
    await emit(req, {
      type: STATUS_EVENTS[m.status],
      tenant: input.tenant,
      subject,
      data: { member: row.member_id, from: row.status, to: m.status, provider: 'stripe' },
    })
  }
  if (m.dunningStage !== row.dunning_stage) {
    await emit(req, {
      type: 'subscription.dunning_advanced',
      tenant: input.tenant,
      subject,
      data: { member: row.member_id, from: row.dunning_stage, to: m.dunningStage },
    })
    if (m.dunningStage !== 'none') {
      await req.payload.jobs.queue({
        task: SEND_DUNNING_NOTICE_TASK,
        input: { tenant: input.tenant, subscription: row.id, stage: m.dunningStage },
        req,
      })
    }
  }
  if (m.currentPeriodStart && (m.status === 'active' || m.status === 'trialing')) {
    const periodStart = new Date(m.currentPeriodStart)
    const previous = row.current_period_start ? new Date(row.current_period_start) : null
    // The period's credits and guest passes, once per (subscription, period) whatever the replays.
    const plan = await loadPlan(req, input.tenant, row.plan_id)
    const granted = await grantPeriod(req, {
      tenant: input.tenant,
      member: row.member_id,
      subscription: row.id,
      plan,
      periodStart,
      periodEnd: m.currentPeriodEnd ? new Date(m.currentPeriodEnd) : null,
      zone: await tenantZone(req, input.tenant),
    })
    if (previous && periodStart > previous) {
      await emit(req, {
        type: 'subscription.renewed',
        tenant: input.tenant,
        subject,
        data: {
          member: row.member_id,
          plan: row.plan_id,
          periodStart: m.currentPeriodStart,
          periodEnd: m.currentPeriodEnd,
          provider: 'stripe',
          granted,
        },
      })
    }
  }
  return { outcome: 'applied', subscription: row.id, status: m.status, dunningStage: m.dunningStage }
}
