import type { CollectionConfig } from 'payload'
import { anyone, forgetSitePages, MANAGER_ROLES, moneyField, tenantRole, tenantScoped } from '@/core'
import { slotsEndpoint } from '../../endpoints/slotsEndpoint'
import { guardServiceCapacity } from './hooks/guardServiceCapacity'
import { providerNames } from './hooks/providerNames'

/** Something members book with a provider (one-on-one, or a small group up to `capacity`): a duration, buffers, a price, who offers it. */
export const AppointmentServices = (): CollectionConfig =>
  tenantScoped(
    {
      slug: 'appointment-services',
      admin: { useAsTitle: 'title', defaultColumns: ['title', 'durationMinutes', 'isActive'], group: 'Bookings' },
      access: {
        read: anyone,
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
      },
      indexes: [{ fields: ['tenant', 'isActive'] }],
      hooks: {
        beforeChange: [guardServiceCapacity],
        afterChange: [forgetSitePages('services')],
        afterDelete: [forgetSitePages('services')],
      },
      endpoints: [slotsEndpoint],
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'description', type: 'textarea' },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'service',
          options: ['service', 'consultation', 'tour'],
        },
        { name: 'durationMinutes', type: 'number', required: true, defaultValue: 60, min: 5, max: 12 * 60 },
        {
          name: 'bufferBeforeMinutes',
          type: 'number',
          defaultValue: 0,
          min: 0,
          max: 240,
          admin: { description: 'Kept free before each appointment.' },
        },
        {
          name: 'bufferAfterMinutes',
          type: 'number',
          defaultValue: 0,
          min: 0,
          max: 240,
          admin: { description: 'Kept free after each appointment.' },
        },
        {
          name: 'capacity',
          type: 'number',
          defaultValue: 1,
          min: 1,
          max: 100,
          admin: {
            description:
              'Places per slot: 1 = one-on-one; more = a small group (e.g. a golf bay for 4). A slot stays bookable until it is full.',
          },
        },
        {
          name: 'slotIntervalMinutes',
          type: 'number',
          defaultValue: 15,
          min: 5,
          max: 240,
          admin: { description: 'Slots start every this many minutes from the start of availability.' },
        },
        moneyField({ name: 'price' }),
        { name: 'creditCost', type: 'number', min: 0 },
        {
          name: 'deliveryMode',
          type: 'select',
          defaultValue: 'in_person',
          options: ['in_person', 'virtual', 'hybrid'],
        },
        {
          name: 'providers',
          type: 'relationship',
          relationTo: 'tenant-memberships',
          hasMany: true,
          admin: { description: 'Staff who offer this service.' },
        },
        {
          name: 'providerNames',
          type: 'json',
          virtual: true,
          admin: { hidden: true },
          access: { create: () => false, update: () => false },
          hooks: { afterRead: [providerNames] },
          typescriptSchema: [
            () => ({
              type: ['array', 'null'],
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'name'],
                properties: { id: { type: 'string' }, name: { type: 'string' } },
              },
            }),
          ],
        },
        { name: 'location', type: 'relationship', relationTo: 'locations' },
        {
          name: 'room',
          type: 'relationship',
          relationTo: 'rooms',
          admin: { description: 'Where appointments take place; the room must be free too.' },
        },
        {
          name: 'bookingWindowDays',
          type: 'number',
          defaultValue: 30,
          min: 0,
          admin: { description: 'How many days ahead members may book.' },
        },
        {
          name: 'minNoticeMinutes',
          type: 'number',
          defaultValue: 60,
          min: 0,
          admin: { description: 'How long before the start booking closes.' },
        },
        { name: 'isActive', type: 'checkbox', defaultValue: true },
      ],
    },
    { publicRead: true },
  )
