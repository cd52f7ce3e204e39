import type { CollectionConfig, FieldAccess } from 'payload'
import { STAFF_ROLES, hasRoleIn, isPlatformAdmin, or, self, tenantRole, tenantScoped, type AccessUser } from '@/core'
import { myNotificationsEndpoint } from '../../endpoints/notifications/myNotificationsEndpoint'
import { readNotificationEndpoint } from '../../endpoints/notifications/readNotificationEndpoint'

/** Only staff of the notification's tenant change a field other than `readAt`. */
const staffOnly: FieldAccess = ({ req, doc, data }) =>
  isPlatformAdmin(req.user as AccessUser) || hasRoleIn(req.user as AccessUser, data?.tenant ?? doc?.tenant, STAFF_ROLES)

/**
 * In-app notifications (the site's bell). Staff write them (automations write them as system
 * work); a member reads their own and may only set `readAt` on them.
 */
export const Notifications = (group: string): CollectionConfig =>
  tenantScoped({
    slug: 'notifications',
    admin: { useAsTitle: 'title', defaultColumns: ['member', 'title', 'readAt', 'createdAt'], group },
    access: {
      read: or(tenantRole(STAFF_ROLES), self('member.user')),
      create: tenantRole(STAFF_ROLES),
      update: or(tenantRole(STAFF_ROLES), self('member.user')),
      delete: tenantRole(STAFF_ROLES),
    },
    endpoints: [myNotificationsEndpoint, readNotificationEndpoint],
    indexes: [{ fields: ['member', 'readAt', 'createdAt'] }],
    fields: [
      {
        name: 'member',
        type: 'relationship',
        relationTo: 'tenant-memberships',
        required: true,
        access: { update: () => false },
      },
      { name: 'type', type: 'text', defaultValue: 'general', access: { update: staffOnly } },
      { name: 'title', type: 'text', required: true, access: { update: staffOnly } },
      { name: 'message', type: 'textarea', access: { update: staffOnly } },
      { name: 'actionUrl', type: 'text', access: { update: staffOnly } },
      { name: 'actionLabel', type: 'text', access: { update: staffOnly } },
      { name: 'readAt', type: 'date' },
      { name: 'ref', type: 'json', access: { update: staffOnly } },
    ],
  })
