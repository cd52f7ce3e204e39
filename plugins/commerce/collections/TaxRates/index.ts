import type { CollectionConfig } from 'payload'
import { DESK_ROLES, MANAGER_ROLES, tenantRole, tenantScoped } from '@/core'
import { PRODUCT_KINDS } from '../Products'

/**
 * A tenant's sales tax, applied server-side by the one pricing code (`placeOrder`) to every order
 * line of the listed kinds (empty = every kind; gift cards are never taxed), after discounts.
 * `exclusive` adds `⌊base × rateBps / 10000⌉` to the order's `tax`; `inclusive` prices already
 * contain it and the contained part is reported as `taxIncluded` (the total does not move).
 */
export const TaxRates: CollectionConfig = tenantScoped(
  {
    slug: 'tax-rates',
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'rateBps', 'mode', 'active'], group: 'Commerce' },
    access: {
      read: tenantRole(DESK_ROLES),
      create: tenantRole(MANAGER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    indexes: [{ fields: ['tenant', 'active'] }],
    fields: [
      { name: 'name', type: 'text', required: true },
      {
        name: 'rateBps',
        type: 'number',
        required: true,
        admin: { description: 'Basis points: 825 = 8.25 %.' },
        validate: (value: unknown) =>
          Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 10000
            ? true
            : 'rateBps is a whole number from 0 to 10000 (825 = 8.25 %).',
      },
      { name: 'mode', type: 'select', required: true, defaultValue: 'exclusive', options: ['exclusive', 'inclusive'] },
      {
        name: 'kinds',
        type: 'select',
        hasMany: true,
        options: [...PRODUCT_KINDS],
        admin: { description: 'Empty = every kind except gift cards.' },
      },
      { name: 'active', type: 'checkbox', defaultValue: true },
    ],
  },
  { isolationFixture: () => ({ name: 'Grid tax', rateBps: 500, mode: 'exclusive', active: true }) },
)
