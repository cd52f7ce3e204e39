import type { CollectionConfig } from 'payload'
import { anyone, MANAGER_ROLES, moneyField, tenantRole, tenantScoped } from '@/core'
import { bookEndpoint } from '../../endpoints/bookEndpoint'
import { cancelClassEndpoint } from '../../endpoints/cancelClassEndpoint'
import { deriveClassTimes } from './hooks/deriveClassTimes'
import { guardClassChange } from './hooks/guardClassChange'
import { cancelBookingsOfCancelledClass } from './hooks/cancelBookingsOfCancelledClass'
import { refuseDeletingBookedClass } from './hooks/refuseDeletingBookedClass'
import { forgetCachedSchedule } from './hooks/forgetCachedSchedule'

const readOnly = { create: () => false, update: () => false }

/** One scheduled occurrence: a time, a place, an instructor, a capacity and its bookings. */
export const Classes = (): CollectionConfig =>
  tenantScoped(
    {
      slug: 'classes',
      admin: {
        useAsTitle: 'title',
        defaultColumns: ['title', 'startTime', 'instructor', 'status', 'bookedCount'],
        group: 'Bookings',
        components: { beforeList: ['@plugins/bookings/admin/UpcomingClassesFirst#UpcomingClassesFirst'] },
      },
      defaultSort: 'startTime',
      access: {
        read: anyone,
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
      },
      indexes: [
        { fields: ['tenant', 'startTime'] },
        { fields: ['instructor', 'startTime'] },
        { fields: ['series', 'startTime'], unique: true },
        { fields: ['tenant', 'googleCalendarEventId'], unique: true },
      ],
      hooks: {
        beforeChange: [deriveClassTimes, guardClassChange],
        afterChange: [cancelBookingsOfCancelledClass, forgetCachedSchedule],
        beforeDelete: [refuseDeletingBookedClass],
        afterDelete: [forgetCachedSchedule],
      },
      endpoints: [bookEndpoint, cancelClassEndpoint],
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'series', type: 'relationship', relationTo: 'class-series', admin: { readOnly: true } },
        { name: 'location', type: 'relationship', relationTo: 'locations' },
        { name: 'instructor', type: 'relationship', relationTo: 'tenant-memberships' },
        {
          name: 'room',
          type: 'relationship',
          relationTo: 'rooms',
          admin: { description: 'Classes and appointments in one room cannot overlap.' },
        },
        {
          name: 'startTime',
          type: 'date',
          required: true,
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            components: { Cell: '@plugins/bookings/admin/ClassTimeCell#ClassTimeCell' },
          },
        },
        { name: 'durationMinutes', type: 'number', required: true, defaultValue: 60, min: 1, max: 24 * 60 },
        { name: 'endTime', type: 'date', admin: { readOnly: true, description: 'startTime + durationMinutes.' } },
        {
          name: 'timezone',
          type: 'text',
          admin: { readOnly: true, description: 'From the location, else the tenant.' },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'scheduled',
          options: ['scheduled', 'cancelled', 'completed'],
          admin: { position: 'sidebar' },
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'class',
          options: ['class', 'workshop', 'wellness', 'course_session'],
        },
        {
          name: 'deliveryMode',
          type: 'select',
          defaultValue: 'in_person',
          options: ['in_person', 'virtual', 'hybrid'],
        },
        { name: 'joinLink', type: 'text' },
        { name: 'capacity', type: 'number', required: true, defaultValue: 20, min: 0 },
        { name: 'waitlistCapacity', type: 'number', required: true, defaultValue: 10, min: 0 },
        { name: 'bookedCount', type: 'number', defaultValue: 0, access: readOnly, admin: { readOnly: true } },
        { name: 'waitlistCount', type: 'number', defaultValue: 0, access: readOnly, admin: { readOnly: true } },
        moneyField({ name: 'price' }),
        { name: 'creditCost', type: 'number', min: 0 },
        {
          name: 'detached',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'Edits of the series leave this class alone.' },
        },
        { name: 'cancellationReason', type: 'text' },
        { name: 'googleCalendarEventId', type: 'text', admin: { readOnly: true } },
      ],
    },
    { publicRead: true },
  )
