import type { CollectionConfig } from 'payload'
import { tenantRole } from '@/core/access/builders'
import { OWNER_ROLES, STAFF_ROLES } from '@/core/access/roles'
import { tenantScoped } from '@/core/tenancy/tenantScoped'

/**
 * Server-to-server access for a tenant's own integrations: Payload API keys
 * (`Authorization: api-clients API-Key <key>`), acting with the roles given here in this tenant only.
 */
export const ApiClients: CollectionConfig = tenantScoped(
  {
    slug: 'api-clients',
    auth: { useAPIKey: true, disableLocalStrategy: true },
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'roles', 'status', 'lastUsedAt'], group: 'Settings' },
    access: {
      read: tenantRole(OWNER_ROLES),
      create: tenantRole(OWNER_ROLES),
      update: tenantRole(OWNER_ROLES),
      delete: tenantRole(OWNER_ROLES),
    },
    hooks: {
      beforeChange: [
        ({ data }) => {
          // A revoked key stops authenticating at once.
          if (data.status === 'revoked') data.enableAPIKey = false
          return data
        },
      ],
    },
    fields: [
      { name: 'name', type: 'text', required: true },
      {
        name: 'roles',
        type: 'select',
        hasMany: true,
        required: true,
        defaultValue: ['support'],
        options: STAFF_ROLES.filter((role) => role !== 'owner'),
        admin: { description: 'What the key may do in this tenant, as if it were staff with these roles.' },
      },
      { name: 'status', type: 'select', defaultValue: 'active', options: ['active', 'revoked'], required: true },
      { name: 'rateLimit', type: 'number', defaultValue: 600, min: 1, admin: { description: 'Requests per minute.' } },
      { name: 'lastUsedAt', type: 'date', admin: { readOnly: true } },
    ],
  },
  { isolationFixture: () => ({ name: 'Grid key', roles: ['support'] }) },
)
