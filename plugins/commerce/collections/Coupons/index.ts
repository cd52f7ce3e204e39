import type { CollectionConfig } from 'payload'
import { DESK_ROLES, MANAGER_ROLES, tenantRole, tenantScoped } from '@/core'
import { PRODUCT_KINDS } from '../Products'
import { emitOfferChanged } from './hooks/emitOfferChanged'
import { emitOfferDeleted } from './hooks/emitOfferDeleted'
import { validateAdvertise } from './validateAdvertise'

const systemOnly = { create: () => false, update: () => false }

/**
 * Discounts. usesCount moves only by a conditional increment at checkout (never past maxUses,
 * also a CHECK in SQL); staff cannot write it. One marked `advertise` is an offer: its changes
 * emit `coupon.offer_changed` (the website posts it to Google Business Profile).
 */
export const Coupons: CollectionConfig = tenantScoped(
  {
    slug: 'coupons',
    admin: {
      useAsTitle: 'code',
      defaultColumns: ['code', 'type', 'value', 'usesCount', 'maxUses', 'active'],
      group: 'Commerce',
    },
    access: {
      read: tenantRole(DESK_ROLES),
      create: tenantRole(MANAGER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    indexes: [{ fields: ['tenant', 'code'], unique: true }],
    hooks: { afterChange: [emitOfferChanged], afterDelete: [emitOfferDeleted] },
    fields: [
      {
        name: 'code',
        type: 'text',
        required: true,
        validate: (value: unknown) =>
          typeof value === 'string' && /^[A-Z0-9_-]{3,40}$/.test(value)
            ? true
            : 'Codes are 3–40 upper-case letters, digits, dashes or underscores.',
      },
      { name: 'name', type: 'text' },
      {
        name: 'mode',
        type: 'select',
        required: true,
        defaultValue: 'code',
        options: ['code', 'automatic'],
        admin: {
          description:
            'automatic: applied without a code whenever its conditions match (the best automatic discount only).',
        },
      },
      { name: 'type', type: 'select', required: true, defaultValue: 'percent', options: ['percent', 'fixed'] },
      {
        name: 'value',
        type: 'number',
        required: true,
        min: 0,
        validate: (value: unknown, { data }: { data: Record<string, unknown> }) => {
          if (!Number.isSafeInteger(value) || (value as number) < 0)
            return 'value is a whole number of 0 or more (percent, or minor units when fixed).'
          if (data?.type === 'percent' && (value as number) > 100) return 'A percent coupon cannot exceed 100.'
          return true
        },
      },
      {
        name: 'currency',
        type: 'text',
        minLength: 3,
        maxLength: 3,
        validate: (value: unknown, { data }: { data: Record<string, unknown> }) =>
          data?.type !== 'fixed' || (typeof value === 'string' && /^[A-Z]{3}$/.test(value))
            ? true
            : 'A fixed coupon needs a currency such as USD.',
      },
      { name: 'active', type: 'checkbox', defaultValue: true },
      { name: 'maxUses', type: 'number', min: 1, admin: { description: 'Empty = unlimited.' } },
      { name: 'usesCount', type: 'number', defaultValue: 0, min: 0, access: systemOnly, admin: { readOnly: true } },
      { name: 'perMemberLimit', type: 'number', min: 1 },
      { name: 'startsAt', type: 'date' },
      { name: 'expiresAt', type: 'date' },
      // ---- website offers ----
      {
        name: 'advertise',
        type: 'checkbox',
        defaultValue: false,
        validate: validateAdvertise,
        admin: {
          description:
            'Announce it as an offer (on your Google Business Profile) from its start to its expiry. Needs a name, a start and an expiry.',
        },
      },
      {
        name: 'offerDescription',
        type: 'textarea',
        maxLength: 1500,
        admin: { condition: (data) => Boolean(data?.advertise), description: 'What the offer says (else its name).' },
      },
      {
        name: 'offerTerms',
        type: 'textarea',
        maxLength: 5000,
        admin: { condition: (data) => Boolean(data?.advertise), description: 'Terms and conditions shown with it.' },
      },
      // ---- /website offers ----
      {
        name: 'appliesTo',
        type: 'group',
        admin: { description: 'Empty = the whole order.' },
        fields: [
          { name: 'kinds', type: 'select', hasMany: true, options: [...PRODUCT_KINDS] },
          { name: 'products', type: 'relationship', relationTo: 'products', hasMany: true },
        ],
      },
    ],
  },
  {
    isolationFixture: () => ({
      code: `GRID${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      type: 'percent',
      value: 10,
    }),
  },
)
