import type { CollectionConfig } from 'payload'
import { ROLES } from '@/core/access/roles'
import { isPlatformAdmin, isStaff, type AccessUser } from '@/core/access/userTenants'
import { or, platformStaff, self, tenantRole } from '@/core/access/builders'
import { DESK_ROLES } from '@/core/access/roles'
import { loginGuard } from '@/core/auth/loginGuard'
import { normaliseEmail } from '@/core/auth/normaliseEmail'
import { loginEndpoint } from '@/core/auth/serialisedLogin'
import { sessionUserStrategy } from '@/core/auth/sessionUserStrategy'
import { getEnv } from '@/core/env'
// ---- email verification ----
import { clearEmailVerification } from '@/core/auth/emailVerification/clearEmailVerification'
import {
  requestEmailVerificationEndpoint,
  verifyEmailEndpoint,
} from '@/core/auth/emailVerification/emailVerificationEndpoints'
// ---- /email verification ----

const platformAdminOnly = ({ req }: { req: { user: AccessUser } }) => isPlatformAdmin(req.user)

/**
 * Everyone who signs in: staff and members of any tenant, and platform staff. Roles live in
 * tenant-memberships and are mirrored into `tenants[]` (read-only here) so that access checks
 * need nothing but the signed-in user. Built when the config is (login limits come from the environment).
 */
export const Users = (): CollectionConfig => ({
  slug: 'users',
  trash: true,
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'status', 'platformRole'],
    group: 'People',
  },
  auth: {
    maxLoginAttempts: getEnv().LOGIN_MAX_ATTEMPTS,
    lockTime: getEnv().LOGIN_LOCK_MINUTES * 60 * 1000,
    tokenExpiration: 60 * 60 * 8,
    useSessions: true,
    // Checked before Payload's own JWT strategy: the same tokens, one SQL statement.
    strategies: [sessionUserStrategy],
    cookies: { sameSite: 'Lax', secure: getEnv().NODE_ENV === 'production' },
    forgotPassword: { expiration: 60 * 60 * 1000 },
  },
  access: {
    // Members never reach the admin: only staff of some tenant or platform staff.
    admin: ({ req }) => isStaff(req.user),
    read: or(self('id'), platformStaff, tenantRole(DESK_ROLES, 'tenants.tenant')),
    // Sign-up is open (members join tenants through memberships); platform fields are guarded below.
    create: () => true,
    update: or(self('id'), ({ req }) => isPlatformAdmin(req.user)),
    delete: ({ req }) => isPlatformAdmin(req.user),
    unlock: ({ req }) => isPlatformAdmin(req.user),
  },
  endpoints: [loginEndpoint, requestEmailVerificationEndpoint, verifyEmailEndpoint],
  hooks: {
    beforeValidate: [
      ({ data }) => {
        if (data?.email) data.email = normaliseEmail(data.email)
        return data
      },
    ],
    beforeOperation: [loginGuard],
    beforeChange: [clearEmailVerification],
  },
  fields: [
    { name: 'name', type: 'text' },
    { name: 'phone', type: 'text' },
    { name: 'locale', type: 'text', defaultValue: 'en' },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'active',
      options: ['pending', 'active', 'suspended'],
      access: { create: platformAdminOnly, update: platformAdminOnly },
    },
    {
      name: 'platformRole',
      type: 'select',
      defaultValue: 'none',
      options: [
        { label: 'None', value: 'none' },
        { label: 'Support', value: 'support' },
        { label: 'Super admin', value: 'super_admin' },
      ],
      access: { create: platformAdminOnly, update: platformAdminOnly },
      admin: { position: 'sidebar' },
    },
    // ---- email verification ----
    {
      // Set only by the verify flow (`POST /api/users/verify-email`, one conditional UPDATE); cleared
      // when the address changes. Nobody writes it through the API; the person and staff read it.
      name: 'emailVerifiedAt',
      type: 'date',
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'When the person confirmed this e-mail address (from the link mailed to it).',
      },
    },
    // ---- /email verification ----
    { name: 'bio', type: 'textarea' },
    {
      name: 'linkedEmails',
      type: 'array',
      admin: { description: 'Other addresses this person used (imports match on them).' },
      fields: [
        { name: 'email', type: 'email', required: true },
        { name: 'linkedAt', type: 'date' },
      ],
    },
    {
      // Mirrored from tenant-memberships by `syncUserTenants`; read by the multi-tenant plugin.
      name: 'tenants',
      type: 'array',
      saveToJWT: false,
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Managed through tenant memberships.',
        condition: (_data, _siblingData, { user }) => isPlatformAdmin(user),
      },
      fields: [
        { name: 'tenant', type: 'relationship', relationTo: 'tenants', required: true, index: true },
        { name: 'roles', type: 'select', hasMany: true, options: [...ROLES] },
      ],
    },
  ],
})
