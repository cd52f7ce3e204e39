import type { Field } from 'payload'
import { isPlatformAdmin } from '@/core'

/**
 * ⊕ on core's `tenants` (added by billing): the platform's fee on this tenant's creator sales in
 * basis points (3000 = 30 %), overriding the platform default (`platform-config` key
 * `billing.platformFeeBps`). Only platform admins set it; empty = the platform default.
 */
export const platformFeeField = (): Field => ({
  name: 'platformFeeBps',
  label: 'Platform fee (basis points)',
  type: 'number',
  min: 0,
  max: 10_000,
  access: { update: ({ req }) => isPlatformAdmin(req.user), create: ({ req }) => isPlatformAdmin(req.user) },
  admin: {
    position: 'sidebar',
    step: 1,
    description: 'Fee on creator content sales, 3000 = 30 %. Empty: the platform default (billing.platformFeeBps).',
  },
  validate: (value: unknown) =>
    value === null ||
    value === undefined ||
    (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10_000) ||
    'The platform fee is a whole number of basis points from 0 to 10000 (3000 = 30 %).',
})
