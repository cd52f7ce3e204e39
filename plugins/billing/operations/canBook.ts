import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, runSql } from '@/core'
import { creditBalancePort, type CanBookInput, type CanBookResult } from '@plugins/bookings/contract'
import { FEATURE_FOR_TARGET } from '../types'
import { billingGroupsRelsTable, billingGroupsTable } from './sql/billingGroupsTable'
import { planFeaturesTable } from './sql/planFeaturesTable'
import { subscriptionsTable } from './sql/subscriptionsTable'
import { usageRecordsTable } from './sql/usageRecordsTable'

type SubscriptionRow = {
  id: string
  plan_id: string
  status: string
  dunning_stage: string
  current_period_start: string | null
  current_period_end: string | null
  cancel_at_period_end: boolean
}

type Refusal = { code: string; reason: string }

/** Does this subscription entitle right now? Otherwise why not (or nothing to say). */
const entitlement = (sub: SubscriptionRow, now: Date): true | Refusal | undefined => {
  const end = sub.current_period_end ? new Date(sub.current_period_end) : null
  const inPeriod = !end || end > now
  if (sub.status === 'active' || sub.status === 'trialing') {
    // Canceled at period end: entitled until the period ends. Otherwise the status is the truth
    // (the renewal job moves the period; a few hours' lag must not lock members out).
    return !sub.cancel_at_period_end || inPeriod ? true : undefined
  }
  if (sub.status === 'canceled') return sub.cancel_at_period_end && end && end > now ? true : undefined
  if (sub.status === 'past_due') {
    return sub.dunning_stage === 'suspended'
      ? {
          code: 'membership_suspended',
          reason: 'Your membership is suspended for an unpaid invoice; please pay at the desk.',
        }
      : true
  }
  if (sub.status === 'paused') return { code: 'membership_paused', reason: 'Your membership is paused.' }
  return undefined
}

/**
 * Spends one use of a per-period quota with a single conditional upsert on the usage row of
 * (member, feature, period): it never passes `limit`, however many bookings race. A target
 * already counted (a waitlisted booking being promoted) is not counted twice.
 */
const useQuota = async (
  req: PayloadRequest,
  input: CanBookInput,
  sub: SubscriptionRow,
  feature: string,
  limit: number,
): Promise<boolean> => {
  if (limit <= 0) return false
  const target = `${input.target.collection}:${input.target.id}`
  const periodStart = sub.current_period_start ?? new Date(0).toISOString()
  const u = usageRecordsTable(req)
  const counted = await runSql<{ quantity: number }>(
    req,
    sql`INSERT INTO ${u} (${u.tenant}, ${u.subscription}, ${u.member}, ${u.featureKey}, ${u.periodStart}, ${u.periodEnd}, ${u.quantity}, ${u.targets})
        VALUES (${input.tenant}, ${sub.id}, ${input.member}, ${feature}, ${periodStart}::timestamptz, ${sub.current_period_end}::timestamptz, 1, jsonb_build_array(${target}::text))
        ON CONFLICT (${u.member}, ${u.featureKey}, ${u.periodStart}) DO UPDATE
          SET ${u.quantity} = ${u}.${u.quantity} + 1,
              ${u.targets} = coalesce(${u}.${u.targets}, '[]'::jsonb) || jsonb_build_array(${target}::text),
              ${u.updatedAt} = now()
          WHERE ${u}.${u.quantity} < ${limit} AND NOT coalesce(${u}.${u.targets}, '[]'::jsonb) @> jsonb_build_array(${target}::text)
        RETURNING ${u.quantity} AS quantity`,
  )
  if (counted.length > 0) return true
  const [already] = await runSql<{ one: number }>(
    req,
    sql`SELECT 1 AS one FROM ${u} WHERE ${u.member} = ${input.member} AND ${u.featureKey} = ${feature} AND ${u.periodStart} = ${periodStart}::timestamptz
          AND ${u.targets} @> jsonb_build_array(${target}::text)`,
  )
  return Boolean(already)
}

/**
 * `guards.canBook`: free targets are free; then a membership that entitles (own subscription, or
 * the payer's for a billing-group dependent) and whose plan has the target's feature
 * (`unlimited`, or a per-period quota metered in usage-records); then credits when the target
 * costs credits; then drop-in (pay at the desk) when it has a price. A member whose plan covers
 * the target but cannot use it now (paused, suspended, quota used up) and has no credits for it
 * is refused with that reason.
 */
export const canBook = async (req: PayloadRequest, input: CanBookInput): Promise<CanBookResult> => {
  const priced = Boolean(input.price && input.price.amount > 0)
  const creditCost = input.creditCost && input.creditCost > 0 ? input.creditCost : 0
  if (!priced && !creditCost) return { allowed: true, paymentMethod: 'free' }

  let refusal: Refusal | undefined
  const feature = FEATURE_FOR_TARGET[input.target.collection]
  if (feature) {
    const s = subscriptionsTable(req)
    const f = planFeaturesTable(req)
    const g = billingGroupsTable(req)
    const r = billingGroupsRelsTable(req)
    const subs = await runSql<SubscriptionRow & { value: string | null }>(
      req,
      sql`SELECT s.${s.id} AS id, s.${s.plan} AS plan_id, s.${s.status} AS status, s.${s.dunningStage} AS dunning_stage,
                 s.${s.currentPeriodStart} AS current_period_start, s.${s.currentPeriodEnd} AS current_period_end,
                 s.${s.cancelAtPeriodEnd} AS cancel_at_period_end, f.${f.value} AS value
          FROM ${s} s
          JOIN ${f} f ON f.${f.plan} = s.${s.plan} AND f.${f.featureKey} = ${feature} AND f.${f.value} <> 'false'
          WHERE s.${s.tenant} = ${input.tenant}
            AND (s.${s.member} = ${input.member}
                 OR s.${s.member} IN (SELECT g.${g.payer} FROM ${g} g
                                      JOIN ${r} r ON r.${r.parent} = g.${g.id} AND r.${r.path} = 'dependents' AND r.${r.membership} = ${input.member}
                                      WHERE g.${g.tenant} = ${input.tenant} AND g.${g.active}))
          ORDER BY (f.${f.value} IN ('unlimited', 'true')) DESC, s.${s.createdAt}`,
    )
    const now = new Date()
    for (const sub of subs) {
      const verdict = entitlement(sub, now)
      if (verdict !== true) {
        refusal ??= verdict
        continue
      }
      const limit = sub.value === 'unlimited' || sub.value === 'true' ? null : Number(sub.value)
      if (limit === null || (await useQuota(req, input, sub, feature, limit))) {
        return {
          allowed: true,
          paymentMethod: 'membership',
          reference: { collection: 'subscriptions', id: String(sub.id) },
        }
      }
      refusal = {
        code: 'quota_exhausted',
        reason: `Your plan includes ${limit} ${feature} per period and they are all used.`,
      }
    }
  }
  if (creditCost) {
    const { credits } = await callPort(req, creditBalancePort, {
      tenant: input.tenant,
      member: input.member,
      creditType: 'class',
    })
    if (credits >= creditCost) return { allowed: true, paymentMethod: 'credits' }
  }
  if (refusal) return { allowed: false, ...refusal }
  if (priced) return { allowed: true, paymentMethod: 'drop_in' }
  // Costs credits the member does not have: the debit refuses with the balance (402).
  return { allowed: true, paymentMethod: 'credits' }
}
