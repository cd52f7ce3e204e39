import type { CollectionConfig } from 'payload'
import { anyone, isTimeZone, MANAGER_ROLES, moneyField, tenantRole, tenantScoped } from '@/core'
import { validateLocalDateTime, validateRrule } from '../../operations/classes/seriesOccurrences'
import { deriveSeriesTimezone } from './hooks/deriveSeriesTimezone'
import { queueSeriesMaterialization } from './hooks/queueSeriesMaterialization'

/** A recurring class: an RFC 5545 rule from a local start time in an IANA zone. */
export const ClassSeries = (): CollectionConfig =>
  tenantScoped(
    {
      slug: 'class-series',
      admin: {
        useAsTitle: 'title',
        defaultColumns: ['title', 'rrule', 'dtstart', 'timezone', 'status'],
        group: 'Bookings',
      },
      access: {
        read: anyone,
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
      },
      indexes: [{ fields: ['tenant', 'status'] }],
      hooks: { beforeChange: [deriveSeriesTimezone], afterChange: [queueSeriesMaterialization] },
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'description', type: 'textarea' },
        {
          name: 'rrule',
          type: 'text',
          required: true,
          validate: validateRrule,
          admin: { description: 'RFC 5545 rule without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO,WE,FR.' },
        },
        {
          name: 'dtstart',
          type: 'text',
          required: true,
          validate: validateLocalDateTime,
          admin: { description: 'Local wall time of the first class, e.g. 2027-03-01T09:00.' },
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
        { name: 'until', type: 'date' },
        {
          name: 'exdates',
          type: 'array',
          admin: { description: 'Local dates with no class.' },
          fields: [
            {
              name: 'date',
              type: 'text',
              required: true,
              validate: (value: unknown) =>
                typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? true : 'Use YYYY-MM-DD.',
            },
          ],
        },
        {
          name: 'defaults',
          type: 'group',
          fields: [
            { name: 'location', type: 'relationship', relationTo: 'locations' },
            { name: 'instructor', type: 'relationship', relationTo: 'tenant-memberships' },
            { name: 'durationMinutes', type: 'number', defaultValue: 60, min: 1, max: 24 * 60 },
            { name: 'capacity', type: 'number', defaultValue: 20, min: 0 },
            { name: 'waitlistCapacity', type: 'number', defaultValue: 10, min: 0 },
            {
              name: 'kind',
              type: 'select',
              defaultValue: 'class',
              options: ['class', 'workshop', 'wellness', 'course_session'],
            },
            {
              name: 'deliveryMode',
              type: 'select',
              defaultValue: 'in_person',
              options: ['in_person', 'virtual', 'hybrid'],
            },
            moneyField({ name: 'price' }),
            { name: 'creditCost', type: 'number', min: 0 },
          ],
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'active',
          options: ['active', 'paused', 'ended'],
        },
      ],
    },
    {
      publicRead: true,
      isolationFixture: () => ({ rrule: 'FREQ=WEEKLY;COUNT=1', dtstart: '2030-01-07T09:00', status: 'paused' }),
    },
  )
