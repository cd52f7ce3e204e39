import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, nobody, or, platformStaff, self, tenantRole, tenantScoped } from '@/core'

/**
 * A member dismissed an announcement (or a whole notice type) on the site: one row per member and
 * announcement, and per member and notice type (partial unique indexes in the migration). Written
 * by `POST /api/announcements/:id/dismiss` only; the member reads and deletes their own.
 */
export const NoticeDismissals = (group: string): CollectionConfig =>
  tenantScoped({
    slug: 'notice-dismissals',
    admin: { defaultColumns: ['member', 'announcement', 'noticeType', 'dismissedAt'], group },
    access: {
      read: or(platformStaff, tenantRole(MANAGER_ROLES), self('member.user')),
      create: nobody,
      update: nobody,
      delete: or(tenantRole(MANAGER_ROLES), self('member.user')),
    },
    indexes: [{ fields: ['tenant', 'member'] }],
    fields: [
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
      { name: 'announcement', type: 'relationship', relationTo: 'announcements' },
      { name: 'noticeType', type: 'text' },
      { name: 'dismissedAt', type: 'date', required: true, defaultValue: () => new Date().toISOString() },
    ],
  })
