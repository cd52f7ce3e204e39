import type { CollectionConfig } from 'payload'
import { anyone, forgetSitePages, isCurrency, MANAGER_ROLES, tenantRole, tenantScoped } from '@/core'
import { PRICE_INTERVALS } from '../../types'
import { dropStalePriceIds } from './hooks/dropStalePriceIds'
import { guardUsedPrices } from './hooks/guardUsedPrices'
import { queueStripePriceSync } from './hooks/queueStripePriceSync'

/**
 * What a tenant sells as memberships: prices (a used price is immutable), trial days, per-period
 * credit and guest-pass grants and content access keys. Entitlements live in `plan-features`.
 */
export const MembershipPlans: CollectionConfig = tenantScoped(
  {
    slug: 'membership-plans',
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'active', 'trialDays'], group: 'Billing' },
    access: {
      read: anyone,
      create: tenantRole(MANAGER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    indexes: [{ fields: ['tenant', 'name'], unique: true }],
    hooks: {
      beforeChange: [guardUsedPrices, dropStalePriceIds],
      afterChange: [queueStripePriceSync, forgetSitePages('pricing')],
      afterDelete: [forgetSitePages('pricing')],
    },
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'description', type: 'textarea' },
      {
        name: 'active',
        type: 'checkbox',
        defaultValue: true,
        admin: { description: 'Inactive plans are not sold; existing subscriptions keep running.' },
      },
      { name: 'trialDays', type: 'number', min: 0, defaultValue: 0 },
      {
        name: 'prices',
        type: 'array',
        admin: { description: 'A price used by a subscription cannot change: add a new one and deactivate the old.' },
        fields: [
          { name: 'key', type: 'text', required: true, admin: { description: 'Stable id, e.g. monthly-2026.' } },
          { name: 'interval', type: 'select', required: true, defaultValue: 'month', options: [...PRICE_INTERVALS] },
          { name: 'intervalCount', type: 'number', required: true, defaultValue: 1, min: 1 },
          { name: 'amount', type: 'number', required: true, min: 0, admin: { description: 'Minor units (cents).' } },
          {
            name: 'currency',
            type: 'text',
            required: true,
            defaultValue: 'USD',
            validate: (value: unknown) => (isCurrency(value) ? true : 'currency must be an ISO-4217 code such as USD.'),
          },
          { name: 'active', type: 'checkbox', defaultValue: true },
          {
            name: 'stripePriceId',
            type: 'text',
            admin: { description: 'Set by the Stripe price sync; Checkout uses it when present.' },
          },
        ],
      },
      {
        name: 'creditGrantPerPeriod',
        type: 'number',
        min: 0,
        admin: { description: 'Class credits granted each period.' },
      },
      {
        name: 'creditExpiryDays',
        type: 'number',
        min: 1,
        admin: { description: 'Days a period grant stays valid (empty: until used).' },
      },
      {
        name: 'guestPassesPerPeriod',
        type: 'number',
        min: 0,
        admin: { description: 'Guest passes, reset each period.' },
      },
      {
        name: 'contentAccess',
        type: 'text',
        hasMany: true,
        admin: { description: 'Access keys, e.g. vod or a category.' },
      },
    ],
  },
  { publicRead: true },
)
