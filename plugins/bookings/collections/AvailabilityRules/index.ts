import type { CollectionConfig } from 'payload'
import { isTimeZone, MANAGER_ROLES, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'
import { validateLocalTime, validateOptionalLocalDate } from '../../operations/format/localTime'
import { guardRuleTimes } from './hooks/guardRuleTimes'

/**
 * When a provider can (or cannot) be booked: a weekday and local start/end times in an IANA zone,
 * valid between two local dates. Slots are computed in the rule's zone, so 09:00 stays 09:00.
 */
export const AvailabilityRules = (): CollectionConfig =>
  tenantScoped(
    {
      slug: 'availability-rules',
      admin: {
        useAsTitle: 'id',
        defaultColumns: ['provider', 'kind', 'weekday', 'startLocal', 'endLocal', 'timezone'],
        group: 'Bookings',
      },
      access: {
        read: tenantRole(STAFF_ROLES),
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
      },
      indexes: [{ fields: ['tenant', 'provider', 'weekday'] }],
      hooks: { beforeChange: [guardRuleTimes] },
      fields: [
        { name: 'provider', type: 'relationship', relationTo: 'tenant-memberships', required: true },
        { name: 'location', type: 'relationship', relationTo: 'locations' },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'available',
          options: ['available', 'unavailable'],
        },
        {
          name: 'weekday',
          type: 'number',
          required: true,
          min: 0,
          max: 6,
          admin: { description: '0 = Sunday … 6 = Saturday, in the rule’s zone.' },
        },
        {
          name: 'startLocal',
          type: 'text',
          required: true,
          validate: validateLocalTime,
          admin: { description: 'Local time HH:mm.' },
        },
        {
          name: 'endLocal',
          type: 'text',
          required: true,
          validate: validateLocalTime,
          admin: { description: 'Local time HH:mm, after the start.' },
        },
        {
          name: 'timezone',
          type: 'text',
          validate: (value: unknown) =>
            value == null || value === '' || isTimeZone(value)
              ? true
              : 'Use an IANA time zone such as America/New_York.',
          admin: { description: 'IANA zone; defaults to the location’s, else the tenant’s.' },
        },
        {
          name: 'validFrom',
          type: 'text',
          validate: validateOptionalLocalDate,
          admin: { description: 'First local date (YYYY-MM-DD), inclusive.' },
        },
        {
          name: 'validUntil',
          type: 'text',
          validate: validateOptionalLocalDate,
          admin: { description: 'Last local date (YYYY-MM-DD), inclusive.' },
        },
      ],
    },
    { isolationFixture: () => ({ weekday: 1, startLocal: '09:00', endLocal: '17:00', timezone: 'UTC' }) },
  )
