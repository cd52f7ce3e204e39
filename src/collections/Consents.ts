import type { Access, CollectionConfig } from 'payload'
import { idOf } from '@/core/access/idOf'
import { or, self, tenantRole } from '@/core/access/builders'
import { DESK_ROLES, STAFF_ROLES } from '@/core/access/roles'
import { emit } from '@/core/events/emit'
import { tenantScoped } from '@/core/tenancy/tenantScoped'

/** A member grants a consent for themself: `member` must be one of the caller's own memberships. */
const ownMembership: Access = async ({ req, data }) => {
  const member = idOf(data?.member)
  const user = idOf(req.user)
  if (!member || !user || req.user?.collection !== 'users') return false
  const row = await req.payload.db.findOne({
    collection: 'tenant-memberships',
    where: { and: [{ id: { equals: member } }, { user: { equals: user } }, { status: { in: ['active', 'frozen'] } }] },
    req,
  })
  return Boolean(row)
}

/**
 * A member's consent to one channel or use. Revoking sets `revokedAt`; granting again adds a
 * new row; rows are never deleted. One open consent per member and type (partial unique index).
 */
export const Consents: CollectionConfig = tenantScoped(
  {
    slug: 'consents',
    admin: { useAsTitle: 'type', defaultColumns: ['member', 'type', 'grantedAt', 'revokedAt'], group: 'People' },
    access: {
      read: or(tenantRole(STAFF_ROLES), self('member.user')),
      create: or(tenantRole(DESK_ROLES), ownMembership),
      update: or(tenantRole(DESK_ROLES), self('member.user')),
      delete: () => false,
    },
    indexes: [{ fields: ['tenant', 'member', 'type'] }],
    hooks: {
      afterChange: [
        async ({ doc, previousDoc, operation, req }) => {
          const base = { tenant: doc.tenant, subject: { collection: 'consents', id: doc.id } }
          const data = { member: String(doc.member?.id ?? doc.member), type: doc.type }
          if (operation === 'create' && !doc.revokedAt) await emit(req, { ...base, type: 'consent.granted', data })
          if (doc.revokedAt && !previousDoc?.revokedAt) await emit(req, { ...base, type: 'consent.revoked', data })
          return doc
        },
      ],
    },
    fields: [
      {
        name: 'member',
        type: 'relationship',
        relationTo: 'tenant-memberships',
        required: true,
        access: { update: () => false },
      },
      {
        name: 'type',
        type: 'select',
        required: true,
        options: ['sms', 'email_marketing', 'push', 'terms', 'privacy', 'health_data', 'photo'],
        access: { update: () => false },
      },
      {
        name: 'grantedAt',
        type: 'date',
        required: true,
        defaultValue: () => new Date().toISOString(),
        access: { update: () => false },
      },
      {
        name: 'revokedAt',
        type: 'date',
        validate: (value, options) => {
          const previous = (options as { originalDoc?: { revokedAt?: string | null } }).originalDoc?.revokedAt
          return previous && String(value) !== String(previous)
            ? 'A revoked consent stays revoked; grant a new one instead.'
            : true
        },
      },
      { name: 'source', type: 'text' },
      { name: 'ipAddress', type: 'text' },
      { name: 'metadata', type: 'json' },
    ],
  },
  {},
)
