import type { CollectionConfig } from 'payload'
import { DESK_ROLES, ROLES, STAFF_ROLES } from '@/core/access/roles'
import { or, platformStaff, self, tenantRole } from '@/core/access/builders'
import { hasRoleIn, isPlatformAdmin, type AccessUser } from '@/core/access/userTenants'
import { tenantScoped } from '@/core/tenancy/tenantScoped'
import { syncUserTenants } from '@/core/tenancy/syncUserTenants'
import { guardMembershipChange } from './hooks/guardMembershipChange'
import { announceMembershipChange } from './hooks/announceMembershipChange'
import { joinTenantEndpoint } from './endpoints/joinTenantEndpoint'

const deskField = ({
  req,
  data,
  doc,
}: {
  req: { user: AccessUser }
  data?: Record<string, unknown>
  doc?: Record<string, unknown>
}) => isPlatformAdmin(req.user) || hasRoleIn(req.user, data?.tenant ?? doc?.tenant, DESK_ROLES)

/**
 * A person's place in one tenant: their roles (staff roles open the admin for that tenant),
 * status and tenant-specific profile. Archived, never deleted.
 */
export const TenantMemberships: CollectionConfig = tenantScoped(
  {
    slug: 'tenant-memberships',
    admin: { useAsTitle: 'email', defaultColumns: ['email', 'roles', 'status', 'joinedAt'], group: 'People' },
    access: {
      read: or(platformStaff, tenantRole(STAFF_ROLES), self('user')),
      create: tenantRole(DESK_ROLES),
      update: or(tenantRole(DESK_ROLES), self('user')),
      delete: () => false,
    },
    indexes: [{ fields: ['tenant', 'user'], unique: true }],
    endpoints: [joinTenantEndpoint],
    hooks: {
      beforeChange: [guardMembershipChange],
      afterChange: [
        async ({ doc, previousDoc, req }) => {
          await syncUserTenants(req, doc.user)
          if (previousDoc?.user && String(previousDoc.user) !== String(doc.user))
            await syncUserTenants(req, previousDoc.user)
          return doc
        },
        announceMembershipChange,
      ],
    },
    fields: [
      {
        name: 'user',
        type: 'relationship',
        relationTo: 'users',
        required: true,
        index: true,
        access: { update: () => false },
      },
      { name: 'email', type: 'text', virtual: 'user.email', admin: { readOnly: true } },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'active',
        options: ['invited', 'active', 'frozen', 'archived'],
        access: { update: deskField },
        admin: { position: 'sidebar' },
      },
      {
        name: 'roles',
        type: 'select',
        hasMany: true,
        required: true,
        defaultValue: ['member'],
        options: [...ROLES],
        access: { update: deskField },
        admin: { position: 'sidebar' },
      },
      {
        name: 'profile',
        type: 'group',
        fields: [
          { name: 'displayName', type: 'text' },
          { name: 'phone', type: 'text' },
          { name: 'dateOfBirth', type: 'date' },
          { name: 'gender', type: 'text' },
          { name: 'timezone', type: 'text' },
          { name: 'emergencyContact', type: 'text' },
          { name: 'extra', type: 'json' },
        ],
      },
      { name: 'tags', type: 'text', hasMany: true, access: { update: deskField } },
      { name: 'stripeCustomerId', type: 'text', access: { update: deskField }, admin: { readOnly: true } },
      { name: 'payoutAccountId', type: 'text', access: { update: deskField } },
      { name: 'joinedAt', type: 'date', defaultValue: () => new Date().toISOString(), access: { update: deskField } },
      { name: 'lastVisitAt', type: 'date', admin: { readOnly: true }, access: { update: deskField } },
      // mkt_rest: GDPR erasure — set once by `anonymiseMembership` (src/core/tenancy); nobody writes it through the API.
      {
        name: 'anonymisedAt',
        type: 'date',
        access: { create: () => false, update: () => false },
        admin: { readOnly: true, position: 'sidebar', description: 'When this person’s data was erased (anonymised).' },
      },
      // end mkt_rest
    ],
  },
  {
    isolationFixture: async ({ payload }) => {
      const user = await payload.create({
        collection: 'users',
        data: { email: `grid-${Math.random().toString(36).slice(2, 10)}@example.test`, password: 'grid-password-1' },
      })
      return { user: user.id, roles: ['member'], status: 'active' }
    },
  },
)
