import type { CollectionConfig } from 'payload'
import { anyone, forgetSitePages, MANAGER_ROLES, tenantRole, tenantScoped } from '@/core'

/** `unlimited`, `true`, or a whole number per period. */
export const isFeatureValue = (value: unknown): boolean =>
  typeof value === 'string' && /^(unlimited|true|false|\d{1,6})$/.test(value)

/**
 * A plan's entitlements: `classes: unlimited`, `classes: 8` (per period), `appointments: 2`,
 * `events: true`. `guards.canBook` reads them; numbers are quotas metered in `usage-records`.
 */
export const PlanFeatures: CollectionConfig = tenantScoped(
  {
    slug: 'plan-features',
    admin: { useAsTitle: 'featureKey', defaultColumns: ['plan', 'featureKey', 'value'], group: 'Billing' },
    access: {
      read: anyone,
      create: tenantRole(MANAGER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    indexes: [{ fields: ['plan', 'featureKey'], unique: true }],
    hooks: { afterChange: [forgetSitePages('pricing')], afterDelete: [forgetSitePages('pricing')] },
    fields: [
      { name: 'plan', type: 'relationship', relationTo: 'membership-plans', required: true },
      {
        name: 'featureKey',
        type: 'text',
        required: true,
        admin: { description: 'classes, appointments, events, vod, …' },
      },
      {
        name: 'value',
        type: 'text',
        required: true,
        defaultValue: 'unlimited',
        validate: (value: unknown) =>
          isFeatureValue(value) ? true : 'value must be unlimited, true, false or a whole number per period.',
      },
    ],
  },
  { publicRead: true, isolationFixture: ({ tenant, payload }) => fixtureWithPlan(payload, tenant) },
)

const fixtureWithPlan = async (payload: import('payload').Payload, tenant: string) => {
  const plan = await payload.create({
    collection: 'membership-plans',
    data: { tenant, name: `grid ${Math.random().toString(36).slice(2, 8)}` },
  })
  return {
    plan: (plan as { id: string }).id,
    featureKey: `grid-${Math.random().toString(36).slice(2, 8)}`,
    value: 'unlimited',
  }
}
