import type { CollectionConfig, FieldAccess } from 'payload'
import {
  MANAGER_ROLES,
  STAFF_ROLES,
  hasRoleIn,
  isPlatformStaff,
  nobody,
  or,
  self,
  tenantRole,
  tenantScoped,
} from '@/core'
import { pushEndpoints } from '../../endpoints/push/pushEndpoints'

/**
 * The browser's encryption keys are read back only by the member who subscribed: a reader who is
 * staff of the subscription's tenant (or platform staff) lists subscriptions without them. Any
 * other reader got the row through `self('member.user')`, so is its member.
 */
const ownerOnly: FieldAccess = ({ req, doc }) =>
  !isPlatformStaff(req.user) && !hasRoleIn(req.user, doc?.tenant, STAFF_ROLES)

const systemOnly = { create: () => false, update: () => false }

/**
 * A browser's Web Push subscription for a member (one per browser and tenant, U(tenant, endpoint)).
 * Written by `POST /api/push-subscriptions/subscribe` / `unsubscribe` and by the push channel
 * (success, failures, disabling); members read their own, staff of the tenant list them without keys.
 */
export const PushSubscriptions = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'push-subscriptions',
      admin: {
        useAsTitle: 'endpoint',
        defaultColumns: ['member', 'userAgent', 'lastSuccessAt', 'failures', 'disabledAt', 'createdAt'],
        group,
      },
      access: {
        read: or(tenantRole(STAFF_ROLES), self('member.user')),
        create: nobody,
        update: nobody,
        delete: or(tenantRole(MANAGER_ROLES), self('member.user')),
      },
      endpoints: pushEndpoints,
      indexes: [{ fields: ['tenant', 'endpoint'], unique: true }, { fields: ['member', 'disabledAt'] }],
      fields: [
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true, index: true },
        {
          name: 'endpoint',
          type: 'text',
          required: true,
          admin: { description: 'The push service URL of the browser.' },
        },
        {
          name: 'keys',
          type: 'group',
          access: { read: ownerOnly },
          admin: { description: 'The browser’s message encryption keys (RFC 8291); only its member reads them.' },
          fields: [
            { name: 'p256dh', type: 'text', required: true },
            { name: 'auth', type: 'text', required: true },
          ],
        },
        { name: 'userAgent', type: 'text' },
        { name: 'lastSuccessAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        {
          name: 'failures',
          type: 'number',
          required: true,
          defaultValue: 0,
          min: 0,
          access: systemOnly,
          admin: { readOnly: true, description: 'Failed sends since the last success.' },
        },
        {
          name: 'disabledAt',
          type: 'date',
          access: systemOnly,
          admin: {
            readOnly: true,
            description: 'Set when the push service answered 404/410 (the browser unsubscribed).',
          },
        },
      ],
    },
    {},
  )
