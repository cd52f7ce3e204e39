import type { CollectionConfig } from 'payload'
import { or, platformAdmin, platformStaff, tenantRole } from '@/core/access/builders'
import { STAFF_ROLES } from '@/core/access/roles'
import { tenantScoped } from '@/core/tenancy/tenantScoped'

/** Per-tenant switch for a feature; the platform sets them (plans, rollouts), staff can see them. */
export const FeatureFlags: CollectionConfig = tenantScoped(
  {
    slug: 'feature-flags',
    admin: { useAsTitle: 'featureKey', group: 'Platform' },
    access: {
      read: or(platformStaff, tenantRole(STAFF_ROLES)),
      create: platformAdmin,
      update: platformAdmin,
      delete: platformAdmin,
    },
    indexes: [{ fields: ['tenant', 'featureKey'], unique: true }],
    fields: [
      {
        name: 'featureKey',
        type: 'text',
        required: true,
        validate: (value: unknown) =>
          typeof value === 'string' && /^[a-z0-9_.-]+$/.test(value)
            ? true
            : 'Use a key such as "lms" or "booking.waitlist".',
      },
      { name: 'enabled', type: 'checkbox', defaultValue: true },
    ],
  },
  { isolationFixture: () => ({ featureKey: `grid.${Math.random().toString(36).slice(2, 8)}`, enabled: true }) },
)
