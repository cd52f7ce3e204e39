import type { CollectionConfig, Payload } from 'payload'
import { nobody, or, self, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'
import { DUNNING_STAGES, SUBSCRIPTION_STATUSES } from '../../types'
import { cancelSubscriptionEndpoint } from '../../endpoints/cancelSubscriptionEndpoint'
import { changeSubscriptionPlanEndpoint } from '../../endpoints/changeSubscriptionPlanEndpoint'
import { pauseSubscriptionEndpoint, resumeSubscriptionEndpoint } from '../../endpoints/pauseSubscriptionEndpoint'
import { reserveSubscriptionEndpoint } from '../../endpoints/reserveSubscriptionEndpoint'
import { startManualSubscriptionEndpoint } from '../../endpoints/startManualSubscriptionEndpoint'

/**
 * A member on a plan at one of its prices. Written only by billing's operations, the renewal job
 * and the Stripe sync (status and periods are system fields); members read their own, staff
 * their tenant's. `stripeSubscriptionId` is unique when set (SQL).
 */
export const Subscriptions: CollectionConfig = tenantScoped(
  {
    slug: 'subscriptions',
    admin: { defaultColumns: ['member', 'plan', 'status', 'currentPeriodEnd', 'provider'], group: 'Billing' },
    access: { read: or(tenantRole(STAFF_ROLES), self('member.user')), create: nobody, update: nobody, delete: nobody },
    indexes: [{ fields: ['tenant', 'status'] }, { fields: ['tenant', 'member'] }, { fields: ['currentPeriodEnd'] }],
    endpoints: [
      startManualSubscriptionEndpoint,
      reserveSubscriptionEndpoint,
      cancelSubscriptionEndpoint,
      pauseSubscriptionEndpoint,
      resumeSubscriptionEndpoint,
      changeSubscriptionPlanEndpoint,
    ],
    fields: [
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
      { name: 'plan', type: 'relationship', relationTo: 'membership-plans', required: true },
      { name: 'priceKey', type: 'text', required: true },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'incomplete',
        options: [...SUBSCRIPTION_STATUSES],
      },
      { name: 'provider', type: 'select', required: true, defaultValue: 'manual', options: ['manual', 'stripe'] },
      { name: 'stripeSubscriptionId', type: 'text' },
      { name: 'stripeCustomerId', type: 'text' },
      { name: 'currentPeriodStart', type: 'date' },
      { name: 'currentPeriodEnd', type: 'date' },
      { name: 'trialEnd', type: 'date' },
      { name: 'cancelAtPeriodEnd', type: 'checkbox', defaultValue: false },
      { name: 'canceledAt', type: 'date' },
      { name: 'pausedAt', type: 'date' },
      {
        name: 'pauseUntil',
        type: 'date',
        admin: { description: 'A paused subscription resumes by itself after this time (daily renewal job).' },
      },
      { name: 'dunningStage', type: 'select', required: true, defaultValue: 'none', options: [...DUNNING_STAGES] },
      {
        name: 'lastEventAt',
        type: 'date',
        admin: { description: 'Time of the last provider event applied (older events are ignored).' },
      },
      { name: 'billingGroup', type: 'relationship', relationTo: 'billing-groups' },
    ],
  },
  { isolationFixture: ({ tenant, member, payload }) => subscriptionFixture(payload, tenant, member) },
)

/** A subscription of `member` on a fresh plan, for the isolation grid. */
export const subscriptionFixture = async (payload: Payload, tenant: string, member: string) => {
  const plan = await payload.create({
    collection: 'membership-plans',
    data: { tenant, name: `grid ${Math.random().toString(36).slice(2, 8)}` },
  })
  return { member, plan: plan.id, priceKey: 'grid', status: 'active', provider: 'manual', dunningStage: 'none' }
}
