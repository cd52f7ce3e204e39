import type { PayloadRequest } from 'payload'
import { audit, emit, type Money } from '@/core'
import type { PlanDoc, PlanPrice, SubscriptionDoc } from '../types'
import { grantPeriod } from './grantPeriod'
import { addDays, periodEnd } from './periodEnd'

/**
 * The first period of a manual subscription starting at `start`, on the tenant's wall clock:
 * with `trial` and plan trial days it is a trial (`trialing` until `trialEnd`), otherwise a paid
 * period of the price's interval (one-time prices have no end).
 */
export const firstPeriod = (start: Date, plan: PlanDoc, price: PlanPrice, zone: string, trial: boolean) => {
  const trialDays = trial ? (plan.trialDays ?? 0) : 0
  const trialEnd = trialDays > 0 ? addDays(start, trialDays, zone) : null
  const end = trialEnd ?? periodEnd(start, price.interval, price.intervalCount ?? 1, zone)
  return { status: trialEnd ? ('trialing' as const) : ('active' as const), trialEnd, end }
}

/**
 * What starting a manual subscription does once its row holds the first period: the period's
 * credits and guest passes (`grantPeriod`), the audit row, and `subscription.created` (trial) or
 * `subscription.activated`. Shared by desk starts and desk payments of a reservation.
 */
export const beginSubscription = async (
  req: PayloadRequest,
  input: {
    subscription: SubscriptionDoc
    plan: PlanDoc
    start: Date
    end: Date | null
    zone: string
    amount?: Money
    via: 'desk' | 'reservation' | 'checkout'
  },
) => {
  const { subscription, plan } = input
  const granted = await grantPeriod(req, {
    tenant: subscription.tenant,
    member: subscription.member,
    subscription: subscription.id,
    plan,
    periodStart: input.start,
    periodEnd: input.end,
    zone: input.zone,
  })
  await audit(req, {
    category: 'billing',
    action: 'subscription.started',
    tenant: subscription.tenant,
    resourceType: 'subscriptions',
    resourceId: subscription.id,
    amount: input.amount,
    after: {
      plan: plan.id,
      priceKey: subscription.priceKey,
      status: subscription.status,
      provider: 'manual',
      via: input.via,
    },
  })
  await emit(req, {
    type: subscription.status === 'trialing' ? 'subscription.created' : 'subscription.activated',
    tenant: subscription.tenant,
    subject: { collection: 'subscriptions', id: subscription.id },
    data: {
      member: subscription.member,
      plan: plan.id,
      priceKey: subscription.priceKey,
      status: subscription.status,
      currentPeriodEnd: subscription.currentPeriodEnd,
    },
  })
  return granted
}
