import type Stripe from 'stripe'

export type DunningStage = 'none' | 'retrying' | 'final_notice' | 'suspended'
export type MirroredStatus = 'incomplete' | 'trialing' | 'active' | 'past_due' | 'paused' | 'canceled'

export type SubscriptionMirror = {
  status: MirroredStatus
  dunningStage: DunningStage
  stripeCustomerId: string | null
  currentPeriodStart: string | null
  currentPeriodEnd: string | null
  trialEnd: string | null
  cancelAtPeriodEnd: boolean
  canceledAt: string | null
  /** `pause_collection.resumes_at`: when Stripe resumes a paused collection by itself. */
  pauseUntil: string | null
}

const iso = (seconds: number | null | undefined) =>
  typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null

/**
 * Where the member stands in dunning, read from the subscription's latest invoice: nothing owed
 * → none; first failed attempt → retrying; a second → final_notice; Stripe gave up (no next
 * attempt, or uncollectible) → suspended.
 */
export const dunningOf = (invoice: Stripe.Invoice | string | null | undefined): DunningStage => {
  if (!invoice || typeof invoice === 'string') return 'none'
  if (invoice.status === 'paid' || invoice.status === 'void' || invoice.status === 'draft') return 'none'
  if (invoice.status === 'uncollectible') return 'suspended'
  if (!invoice.attempt_count) return 'none'
  if (invoice.next_payment_attempt === null) return 'suspended'
  return invoice.attempt_count >= 2 ? 'final_notice' : 'retrying'
}

/**
 * Our subscription fields for a Stripe subscription as it is now (retrieved with
 * `expand: ['latest_invoice']`). Stripe's incomplete_expired becomes canceled, unpaid becomes
 * past_due, a paused collection is paused, and an unpaid invoice in dunning shows as past_due.
 */
export const mirrorOfSubscription = (sub: Stripe.Subscription): SubscriptionMirror => {
  const dunningStage = dunningOf(sub.latest_invoice)
  let status: MirroredStatus
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired') status = 'canceled'
  else if (sub.status === 'paused' || sub.pause_collection) status = 'paused'
  else if (sub.status === 'unpaid') status = 'past_due'
  else status = sub.status as MirroredStatus
  if (dunningStage !== 'none' && (status === 'active' || status === 'trialing')) status = 'past_due'
  const item = sub.items?.data?.[0]
  return {
    status,
    dunningStage,
    stripeCustomerId: typeof sub.customer === 'string' ? sub.customer : (sub.customer?.id ?? null),
    currentPeriodStart: iso(item?.current_period_start),
    currentPeriodEnd: iso(item?.current_period_end),
    trialEnd: iso(sub.trial_end),
    cancelAtPeriodEnd: Boolean(sub.cancel_at_period_end),
    canceledAt: iso(sub.canceled_at),
    pauseUntil: status === 'paused' ? iso(sub.pause_collection?.resumes_at) : null,
  }
}
