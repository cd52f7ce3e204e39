import type { CollectionConfig } from 'payload'
import { tenantRole } from '@/core/access/builders'
import { OWNER_ROLES } from '@/core/access/roles'
import { withSecrets } from '@/core/secrets/withSecrets'
import { tenantScoped } from '@/core/tenancy/tenantScoped'

export const INTEGRATION_PROVIDERS = [
  'stripe',
  'mailchimp',
  'zapier',
  'google',
  'slack',
  'hubspot',
  'trackman',
  'eventbrite',
  'google_business_profile',
  'cloudflare_stream',
  'email',
  'sms',
] as const

/** A tenant's connection to an outside service; credentials are encrypted and write-only. */
export const IntegrationConnections: CollectionConfig = tenantScoped(
  withSecrets(
    {
      slug: 'integration-connections',
      admin: { useAsTitle: 'provider', defaultColumns: ['provider', 'status', 'lastSyncAt'], group: 'Settings' },
      access: {
        read: tenantRole(OWNER_ROLES),
        create: tenantRole(OWNER_ROLES),
        update: tenantRole(OWNER_ROLES),
        delete: tenantRole(OWNER_ROLES),
      },
      indexes: [{ fields: ['tenant', 'provider'], unique: true }],
      fields: [
        { name: 'provider', type: 'select', required: true, options: [...INTEGRATION_PROVIDERS] },
        { name: 'config', type: 'json', admin: { description: 'Non-secret settings (ids, options).' } },
        {
          name: 'status',
          type: 'select',
          defaultValue: 'disconnected',
          options: ['connected', 'restricted', 'error', 'disconnected'],
          admin: {
            description:
              'restricted: connected, but the provider has switched off payments until it gets what it asks for (see config).',
          },
        },
        { name: 'lastSyncAt', type: 'date', admin: { readOnly: true } },
        { name: 'lastError', type: 'textarea', admin: { readOnly: true } },
      ],
    },
    [{ name: 'credentials', label: 'Credentials' }],
  ),
  {
    // One connection per provider and tenant: a fixture takes a provider the tenant has not connected.
    isolationFixture: async ({ payload, tenant }) => {
      const { docs } = await payload.find({
        collection: 'integration-connections',
        where: { tenant: { equals: tenant } },
        depth: 0,
        limit: 0,
        pagination: false,
      })
      const used = new Set(docs.map((doc) => doc.provider))
      return { provider: INTEGRATION_PROVIDERS.find((p) => !used.has(p)), credentialsInput: { apiKey: 'grid-secret' } }
    },
  },
)
