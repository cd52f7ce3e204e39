import { defineSqlTable } from '@/core'

/** `subscriptions` as the billing plugin's raw SQL uses it. */
export const subscriptionsTable = defineSqlTable(
  'subscriptions',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    plan: 'plan',
    priceKey: 'priceKey',
    status: 'status',
    provider: 'provider',
    stripeSubscriptionId: 'stripeSubscriptionId',
    stripeCustomerId: 'stripeCustomerId',
    trialEnd: 'trialEnd',
    lastEventAt: 'lastEventAt',
    currentPeriodStart: 'currentPeriodStart',
    currentPeriodEnd: 'currentPeriodEnd',
    cancelAtPeriodEnd: 'cancelAtPeriodEnd',
    canceledAt: 'canceledAt',
    pausedAt: 'pausedAt',
    pauseUntil: 'pauseUntil',
    dunningStage: 'dunningStage',
    billingGroup: 'billingGroup',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status', 'dunningStage'] },
)
