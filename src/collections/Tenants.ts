import type { CollectionConfig } from 'payload'
import { APIError } from 'payload'
import { anyone, or, platformAdmin, tenantRole } from '@/core/access/builders'
import { OWNER_ROLES } from '@/core/access/roles'
import { hasRoleIn, isPlatformAdmin, isPlatformStaff } from '@/core/access/userTenants'
import { isCurrency } from '@/core/money/money'
import { isTimeZone } from '@/core/time/zonedTime'
import { emit } from '@/core/events/emit'
import { audit } from '@/core/audit/audit'
import { tenantsChanged } from '@/core/site/siteChanged'

const staffOfThisTenant = tenantRole(OWNER_ROLES, 'id')

/** A business on the platform: a studio, club, coaching practice or creator. */
export const Tenants: CollectionConfig = {
  slug: 'tenants',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'status', 'timezone'], group: 'Platform' },
  access: {
    read: anyone,
    create: platformAdmin,
    update: or(platformAdmin, staffOfThisTenant),
    delete: platformAdmin,
  },
  hooks: {
    beforeChange: [
      ({ data, originalDoc, operation }) => {
        if (operation === 'update' && data.slug !== undefined && data.slug !== originalDoc?.slug) {
          throw new APIError('A tenant slug cannot change: links and domains depend on it.', 400, undefined, true)
        }
        return data
      },
    ],
    afterChange: [
      async ({ doc, previousDoc, operation, req }) => {
        if (operation === 'create') {
          // System consequences of an authorised create: the tenant's settings and its owner.
          await req.payload.create({
            collection: 'tenant-settings',
            data: { tenant: doc.id, branding: { platformName: doc.name } },
            req,
          })
          if (req.user?.collection === 'users') {
            await req.payload.create({
              collection: 'tenant-memberships',
              data: { tenant: doc.id, user: req.user.id, roles: ['owner'], status: 'active' },
              req,
            })
          }
          await emit(req, {
            type: 'tenant.created',
            tenant: doc.id,
            subject: { collection: 'tenants', id: doc.id },
            data: { slug: doc.slug },
          })
        } else if (previousDoc?.status !== doc.status) {
          await audit(req, {
            category: 'admin',
            action: 'tenant.status_changed',
            tenant: doc.id,
            resourceType: 'tenants',
            resourceId: doc.id,
            before: { status: previousDoc?.status },
            after: { status: doc.status },
          })
        }
        return doc
      },
      ({ doc }) => tenantsChanged(doc.id),
    ],
    afterDelete: [({ doc }) => tenantsChanged(doc.id)],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'Lower-case letters, digits and dashes; used in URLs. Cannot change later.' },
      validate: (value: unknown) =>
        typeof value === 'string' && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(value)
          ? true
          : 'Use lower-case letters, digits and dashes (e.g. "sunrise-yoga").',
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: ['trial', 'active', 'suspended', 'archived'],
      access: { update: ({ req }) => isPlatformAdmin(req.user) },
      admin: { position: 'sidebar' },
    },
    {
      name: 'currency',
      type: 'text',
      required: true,
      defaultValue: 'USD',
      validate: (value: unknown) => (isCurrency(value) ? true : 'Use an ISO-4217 code such as USD.'),
    },
    {
      name: 'timezone',
      type: 'text',
      required: true,
      defaultValue: 'UTC',
      validate: (value: unknown) => (isTimeZone(value) ? true : 'Use an IANA time zone such as America/New_York.'),
    },
    { name: 'defaultLocale', type: 'text', defaultValue: 'en' },
    {
      name: 'stripeAccountId',
      type: 'text',
      access: {
        read: ({ req, doc }) => isPlatformStaff(req.user) || hasRoleIn(req.user, doc?.id, OWNER_ROLES),
        update: ({ req }) => isPlatformAdmin(req.user),
      },
      admin: { position: 'sidebar', description: 'Stripe Connect account of this tenant.' },
    },
    {
      name: 'domains',
      type: 'array',
      admin: { description: 'Own domains that serve this tenant’s website.' },
      fields: [
        {
          name: 'hostname',
          type: 'text',
          required: true,
          unique: true,
          validate: (value: unknown) =>
            typeof value === 'string' &&
            /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(value)
              ? true
              : 'Use a lower-case host name such as studio.example.com.',
        },
      ],
    },
  ],
}
