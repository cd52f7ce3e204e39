import type { PayloadRequest } from 'payload'
import { callPort } from '@/core'
import type { Automation } from '@/payload-types'
import { endingSubscriptionsPort } from '@plugins/billing/contract'
import { expiringPacksPort, lowCreditHoldersPort } from '@plugins/commerce/contract'

/**
 * Triggers on what a member holds: the facts belong to billing (trials, memberships) and commerce
 * (credit lots), asked through their contracts' ports. Each names its occurrence so a member
 * enters once per trigger instance: a trial end, a membership's last period, a pack, a top-up.
 */
export const HOLDINGS_TRIGGERS = [
  'time.intro_ending',
  'time.low_credits',
  'time.pack_expiring',
  'time.membership_expiring',
] as const
export type HoldingsTrigger = (typeof HOLDINGS_TRIGGERS)[number]

export const isHoldingsTrigger = (value: string | null | undefined): value is HoldingsTrigger =>
  HOLDINGS_TRIGGERS.some((t) => t === value)

/** One member an automation's holdings trigger matches now, the occurrence and the facts kept. */
export type HoldingsHit = { member: string; occurrenceKey: string; facts: Record<string, unknown> }

type Rule = Pick<Automation, 'triggerEvent' | 'triggerDays' | 'triggerThreshold'>

const DAY = 86_400_000
/** At most this many hits per automation per run (the hourly job comes back for the rest). */
const LIMIT = 10_000

/**
 * The members the trigger matches now (optionally only `members`), one hit per instance:
 * - `time.intro_ending`: a trial ending within `triggerDays` (key: subscription and trial end);
 * - `time.membership_expiring`: a membership set to end within `triggerDays` (subscription and end);
 * - `time.pack_expiring`: a bought pack with credits left expiring within `triggerDays` (the lot);
 * - `time.low_credits`: spendable credits at or below `triggerThreshold` (the newest granted lot).
 */
export const holdingsHits = async (
  req: PayloadRequest,
  automation: Rule,
  tenant: string,
  { now = new Date(), members }: { now?: Date; members?: string[] } = {},
): Promise<HoldingsHit[]> => {
  const trigger = automation.triggerEvent
  const after = now.toISOString()
  const until = new Date(now.getTime() + Math.max(1, automation.triggerDays ?? 7) * DAY).toISOString()
  const mine = <T extends { member: string }>(rows: T[]) =>
    members ? rows.filter((r) => members.includes(r.member)) : rows
  if (trigger === 'time.intro_ending' || trigger === 'time.membership_expiring') {
    const kind = trigger === 'time.intro_ending' ? 'trial' : 'term'
    const rows = await callPort(req, endingSubscriptionsPort, { tenant, kind, after, until, limit: LIMIT })
    return mine(rows).map((r) => ({
      member: r.member,
      occurrenceKey: `${kind}:${r.subscription}:${r.endsAt}`,
      facts: { subscription: r.subscription, endsAt: r.endsAt },
    }))
  }
  if (trigger === 'time.pack_expiring') {
    const rows = await callPort(req, expiringPacksPort, { tenant, after, until, limit: LIMIT })
    return mine(rows).map((r) => ({
      member: r.member,
      occurrenceKey: `pack:${r.lot}`,
      facts: { lot: r.lot, expiresAt: r.expiresAt, remaining: r.remaining },
    }))
  }
  if (trigger === 'time.low_credits') {
    const threshold = Math.max(0, automation.triggerThreshold ?? 0)
    const rows = await callPort(req, lowCreditHoldersPort, { tenant, threshold, members, limit: LIMIT })
    return rows.map((r) => ({
      member: r.member,
      occurrenceKey: `credits:${r.lastLot}`,
      facts: { lastLot: r.lastLot, credits: r.credits, threshold },
    }))
  }
  return []
}

/**
 * The send-time re-check of a holdings enrolment: null while its instance still holds, else why
 * not (the step is skipped with that reason): the member topped up, used or lost the pack, the
 * trial converted or the membership was renewed.
 */
export const holdingsStopReason = async (
  req: PayloadRequest,
  automation: Rule,
  tenant: string,
  member: string,
  facts: Record<string, unknown>,
  now = new Date(),
): Promise<string | null> => {
  const trigger = automation.triggerEvent
  const text = (key: string) => (typeof facts[key] === 'string' ? (facts[key] as string) : '')
  if (trigger === 'time.intro_ending' || trigger === 'time.membership_expiring') {
    const endsAt = text('endsAt')
    if (!endsAt || !text('subscription')) return 'instance_unknown'
    const rows = await callPort(req, endingSubscriptionsPort, {
      tenant,
      kind: trigger === 'time.intro_ending' ? 'trial' : 'term',
      after: now.toISOString(),
      until: endsAt,
      subscriptions: [text('subscription')],
    })
    const still = rows.some((r) => r.endsAt === endsAt)
    return still ? null : trigger === 'time.intro_ending' ? 'intro_no_longer_ending' : 'membership_renewed'
  }
  if (trigger === 'time.pack_expiring') {
    if (!text('lot') || !text('expiresAt')) return 'instance_unknown'
    const rows = await callPort(req, expiringPacksPort, {
      tenant,
      after: now.toISOString(),
      until: text('expiresAt'),
      lots: [text('lot')],
    })
    return rows.length > 0 ? null : 'pack_used_or_expired'
  }
  if (trigger === 'time.low_credits') {
    const threshold = Math.max(0, automation.triggerThreshold ?? 0)
    const [row] = await callPort(req, lowCreditHoldersPort, { tenant, threshold, members: [member] })
    return row && row.lastLot === text('lastLot') ? null : 'credits_topped_up'
  }
  return null
}
