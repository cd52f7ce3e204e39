import type { CollectionConfig } from 'payload'
import { nobody, or, platformStaff, tenantRole } from '@/core/access/builders'
import { OWNER_ROLES } from '@/core/access/roles'
import { moneyField } from '@/core/money/money'

/**
 * Append-only record of sensitive changes (roles, prices, refunds, payment status, security).
 * Written only by `audit()`; no API can create, update or delete a row.
 */
export const AuditLogs: CollectionConfig = {
  slug: 'audit-logs',
  custom: { platformScoped: true },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'category', 'action', 'actorEmail', 'resourceType'],
    group: 'Platform',
  },
  access: {
    read: or(platformStaff, tenantRole(OWNER_ROLES)),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  indexes: [{ fields: ['tenant', 'createdAt'] }, { fields: ['resourceType', 'resourceId'] }],
  fields: [
    { name: 'tenant', type: 'relationship', relationTo: 'tenants', index: true },
    {
      name: 'category',
      type: 'select',
      required: true,
      options: ['admin', 'billing', 'payment', 'security', 'integrity', 'data'],
    },
    { name: 'action', type: 'text', required: true },
    { name: 'actor', type: 'relationship', relationTo: 'users' },
    { name: 'actorEmail', type: 'text' },
    { name: 'resourceType', type: 'text' },
    { name: 'resourceId', type: 'text' },
    { name: 'before', type: 'json' },
    { name: 'after', type: 'json' },
    moneyField({ name: 'amount', min: Number.MIN_SAFE_INTEGER }),
    { name: 'ipAddress', type: 'text' },
    { name: 'details', type: 'textarea' },
  ],
}
