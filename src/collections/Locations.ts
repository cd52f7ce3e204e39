import type { CollectionConfig } from 'payload'
import { anyone, tenantRole } from '@/core/access/builders'
import { MANAGER_ROLES } from '@/core/access/roles'
import { emit } from '@/core/events/emit'
import { slugField } from '@/core/fields/slugField'
import { tenantScoped } from '@/core/tenancy/tenantScoped'
import { isTimeZone } from '@/core/time/zonedTime'
import { forgetSitePages } from '@/core/site/forgetSitePages'

/** A place where a tenant runs classes; its IANA time zone drives every schedule computed there. */
export const Locations: CollectionConfig = tenantScoped(
  {
    slug: 'locations',
    trash: true,
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'timezone', 'isActive'], group: 'Studio' },
    access: {
      read: anyone,
      create: tenantRole(MANAGER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    indexes: [{ fields: ['tenant', 'slug'], unique: true }],
    hooks: {
      afterChange: [
        async ({ doc, previousDoc, operation, req }) => {
          const base = { tenant: doc.tenant, subject: { collection: 'locations', id: doc.id } }
          if (operation === 'create')
            await emit(req, { ...base, type: 'location.created', data: { timezone: doc.timezone } })
          else if (previousDoc?.timezone !== doc.timezone) {
            // Stored instants never shift; schedules re-materialise from this event.
            await emit(req, {
              ...base,
              type: 'location.timezone_changed',
              data: { from: previousDoc?.timezone, to: doc.timezone },
            })
          }
          return doc
        },
        forgetSitePages(),
      ],
      afterDelete: [forgetSitePages()],
    },
    fields: [
      { name: 'name', type: 'text', required: true },
      slugField(),
      {
        name: 'timezone',
        type: 'text',
        required: true,
        admin: { description: 'IANA time zone, e.g. America/New_York.' },
        validate: (value: unknown) => (isTimeZone(value) ? true : 'Use an IANA time zone such as America/New_York.'),
      },
      {
        name: 'address',
        type: 'group',
        fields: [
          { name: 'line1', type: 'text' },
          { name: 'line2', type: 'text' },
          { name: 'city', type: 'text' },
          { name: 'region', type: 'text' },
          { name: 'postalCode', type: 'text' },
          { name: 'country', type: 'text', maxLength: 2, admin: { description: 'ISO 3166 code, e.g. US.' } },
        ],
      },
      { name: 'isActive', type: 'checkbox', defaultValue: true },
    ],
  },
  {
    publicRead: true,
    isolationFixture: () => ({
      name: 'Grid room',
      slug: `grid-${Math.random().toString(36).slice(2, 8)}`,
      timezone: 'Europe/Berlin',
    }),
  },
)
