import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, inTransaction, runSql } from '@/core'
import { SEND_DUNNING_NOTICE_TASK } from '../stripe/jobs/taskSlugs'
import { lockSubscription, loadPlan, priceOf, tenantZone } from './billingContext'
import { grantPeriod } from './grantPeriod'
import { openInvoice } from './openInvoice'
import { invoicesTable } from './sql/invoicesTable'
import { subscriptionsTable } from './sql/subscriptionsTable'
import { addDays, periodEnd } from './periodEnd'

/** Days an invoice the renewal opens stays payable at the desk before the subscription is past due. */
export const INVOICE_DUE_DAYS = 7

export type RenewOutcome = 'renewed' | 'ended' | 'skipped'

/**
 * Moves one manual subscription whose period (or trial) has ended into its next period, in one
 * transaction: the period advances by a conditional UPDATE on the old end (so a second run, or a
 * concurrent one, changes nothing), an open invoice for the desk, the period's credits and guest
 * passes, `subscription.renewed`. A subscription canceled at period end ends instead.
 */
export const renewSubscription = async (req: PayloadRequest, id: string): Promise<RenewOutcome> =>
  inTransaction(req, async () => {
    const sub = await lockSubscription(req, id)
    if (!sub || sub.provider !== 'manual' || !['active', 'trialing'].includes(sub.status) || !sub.currentPeriodEnd)
      return 'skipped'
    const oldEnd = new Date(sub.currentPeriodEnd)
    if (oldEnd > new Date()) return 'skipped'
    if (sub.cancelAtPeriodEnd) {
      const s = subscriptionsTable(req)
      await runSql(req, sql`UPDATE ${s} SET ${s.status} = 'canceled', ${s.updatedAt} = now() WHERE ${s.id} = ${id}`)
      await emit(req, {
        type: 'subscription.ended',
        tenant: sub.tenant,
        subject: { collection: 'subscriptions', id },
        data: { member: sub.member, plan: sub.plan },
      })
      return 'ended'
    }
    const plan = await loadPlan(req, sub.tenant, sub.plan)
    const price = priceOf(plan, sub.priceKey)
    if (!price || price.interval === 'one_time') return 'skipped'
    const zone = await tenantZone(req, sub.tenant)
    const newEnd = periodEnd(oldEnd, price.interval, price.intervalCount ?? 1, zone)!
    const s = subscriptionsTable(req)
    const [moved] = await runSql<{ id: string }>(
      req,
      sql`UPDATE ${s} SET ${s.currentPeriodStart} = ${s.currentPeriodEnd}, ${s.currentPeriodEnd} = ${newEnd.toISOString()}::timestamptz,
                 ${s.status} = 'active', ${s.updatedAt} = now()
          WHERE ${s.id} = ${id} AND ${s.currentPeriodEnd} = ${oldEnd.toISOString()}::timestamptz RETURNING ${s.id} AS id`,
    )
    if (!moved) return 'skipped'
    const amount = { amount: Number(price.amount), currency: price.currency }
    const invoice = await openInvoice(req, {
      tenant: sub.tenant,
      member: sub.member,
      subscription: id,
      planName: plan.name,
      amount,
      status: 'open',
      periodStart: oldEnd,
      periodEnd: newEnd,
      dueAt: addDays(oldEnd, INVOICE_DUE_DAYS, zone),
    })
    const granted = await grantPeriod(req, {
      tenant: sub.tenant,
      member: sub.member,
      subscription: id,
      plan,
      periodStart: oldEnd,
      periodEnd: newEnd,
      zone,
    })
    await emit(req, {
      type: 'subscription.renewed',
      tenant: sub.tenant,
      subject: { collection: 'subscriptions', id },
      data: {
        member: sub.member,
        plan: sub.plan,
        periodStart: oldEnd.toISOString(),
        periodEnd: newEnd.toISOString(),
        invoice: invoice.id,
        granted,
      },
    })
    return 'renewed'
  })

/**
 * Manual subscriptions with an open invoice past its due date are `past_due`; dunning advances
 * with the oldest unpaid due date: retrying, final notice after 3 days, suspended after 7
 * (suspended no longer entitles); each new stage queues `sendDunningNotice` (a mail after commit).
 * Paying the invoice at the desk resets it.
 */
export const markPastDue = async (req: PayloadRequest): Promise<number> =>
  inTransaction(req, async () => {
    const s = subscriptionsTable(req)
    const i = invoicesTable(req)
    const rows = await runSql<{
      id: string
      tenant_id: string
      member_id: string
      dunning_stage: string
      was: string
      old_stage: string
    }>(
      req,
      sql`WITH overdue AS (
            SELECT ${i.subscription} AS subscription_id, min(${i.dueAt}) AS oldest FROM ${i}
            WHERE ${i.status} = 'open' AND ${i.dueAt} < now() AND ${i.subscription} IS NOT NULL GROUP BY ${i.subscription}),
          old AS (
            SELECT s.${s.id} AS id, s.${s.status} AS was, s.${s.dunningStage} AS old_stage, o.oldest
            FROM ${s} s JOIN overdue o ON o.subscription_id = s.${s.id}
            WHERE s.${s.provider} = 'manual' AND s.${s.status} IN ('active', 'past_due'))
          UPDATE ${s} s SET ${s.status} = 'past_due', ${s.updatedAt} = now(),
                 ${s.dunningStage} = (CASE WHEN old.oldest < now() - interval '7 days' THEN 'suspended'
                                           WHEN old.oldest < now() - interval '3 days' THEN 'final_notice' ELSE 'retrying' END)::${s.$enum.dunningStage}
          FROM old WHERE s.${s.id} = old.id AND s.${s.status} IN ('active', 'past_due')
          RETURNING s.${s.id} AS id, s.${s.tenant} AS tenant_id, s.${s.member} AS member_id, s.${s.dunningStage} AS dunning_stage,
                    old.was, old.old_stage`,
    )
    for (const row of rows) {
      if (row.was === 'past_due' && row.old_stage === row.dunning_stage) continue
      await emit(req, {
        type: row.was === 'past_due' ? 'subscription.dunning_advanced' : 'subscription.past_due',
        tenant: String(row.tenant_id),
        subject: { collection: 'subscriptions', id: String(row.id) },
        data: { member: String(row.member_id), dunningStage: row.dunning_stage },
      })
      // The member is told by mail after commit, like Stripe dunning (same task, desk wording).
      await req.payload.jobs.queue({
        task: SEND_DUNNING_NOTICE_TASK,
        input: { tenant: String(row.tenant_id), subscription: String(row.id), stage: row.dunning_stage },
        req,
      })
    }
    return rows.length
  })
