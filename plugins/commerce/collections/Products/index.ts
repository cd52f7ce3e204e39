import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, anyone, forgetSitePages, moneyField, tenantRole, tenantScoped, slugField } from '@/core'

export const PRODUCT_KINDS = [
  'retail',
  'cafe',
  'credit_pack',
  'day_pass',
  'gift_card',
  'service',
  'digital',
  'fee',
] as const
export const CREDIT_TYPES = ['class', 'appointment', 'guest_pass', 'any'] as const

/** Things a tenant sells. Stock (null = untracked) changes only by conditional SQL at checkout. */
export const Products: CollectionConfig = tenantScoped(
  {
    slug: 'products',
    trash: true,
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'kind', 'price', 'stockQuantity', 'isActive'],
      group: 'Commerce',
    },
    access: {
      read: anyone,
      create: tenantRole(MANAGER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    hooks: { afterChange: [forgetSitePages('pricing')], afterDelete: [forgetSitePages('pricing')] },
    indexes: [{ fields: ['tenant', 'slug'], unique: true }, { fields: ['tenant', 'kind', 'isActive'] }],
    fields: [
      { name: 'name', type: 'text', required: true },
      slugField(),
      { name: 'kind', type: 'select', required: true, defaultValue: 'retail', options: [...PRODUCT_KINDS] },
      { name: 'category', type: 'text' },
      { name: 'description', type: 'textarea' },
      { name: 'image', type: 'upload', relationTo: 'media' },
      moneyField({ name: 'price', required: true }),
      {
        name: 'stockQuantity',
        type: 'number',
        min: 0,
        admin: { description: 'Leave empty for untracked stock.', step: 1 },
        validate: (value: unknown) =>
          value === null || value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0)
            ? true
            : 'Stock is a whole number of 0 or more.',
      },
      { name: 'isActive', type: 'checkbox', defaultValue: true },
      { name: 'stripeProductId', type: 'text', admin: { readOnly: true } },
      { name: 'stripePriceId', type: 'text', admin: { readOnly: true } },
      {
        name: 'pack',
        type: 'group',
        admin: { condition: (data) => data?.kind === 'credit_pack', description: 'Credits granted by a class pack.' },
        fields: [
          {
            name: 'credits',
            type: 'number',
            min: 0,
            validate: (value: unknown, { data }: { data: Record<string, unknown> }) =>
              data?.kind !== 'credit_pack' || (Number.isSafeInteger(value) && (value as number) > 0)
                ? true
                : 'A credit pack needs pack.credits greater than 0.',
          },
          { name: 'creditType', type: 'select', defaultValue: 'class', options: [...CREDIT_TYPES] },
          {
            name: 'validityDays',
            type: 'number',
            min: 1,
            admin: { description: 'Days until the credits expire; empty = never.' },
          },
        ],
      },
      { name: 'durationWeeks', type: 'number', min: 1 },
      { name: 'metadata', type: 'json' },
    ],
  },
  {
    publicRead: true,
    isolationFixture: () => ({
      name: 'Grid mat',
      slug: `grid-${Math.random().toString(36).slice(2, 10)}`,
      kind: 'retail',
      price: { amount: 1000, currency: 'USD' },
    }),
  },
)
