import type { CollectionConfig, Where } from 'payload'
import { forgetSitePages, MANAGER_ROLES, moneyField, or, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'
import { cancelEventEndpoint } from '../../endpoints/cancelEventEndpoint'
import { rsvpEndpoint } from '../../endpoints/rsvpEndpoint'
import { cancelRsvpsOfCancelledEvent } from './hooks/cancelRsvpsOfCancelledEvent'
import { guardEventChange } from './hooks/guardEventChange'
import { promoteRsvpsIntoNewPlaces } from './hooks/promoteRsvpsIntoNewPlaces'

const readOnly = { create: () => false, update: () => false }
/** Drafts and archived events are staff-only; published and cancelled ones are public. */
const published = (): Where => ({ status: { in: ['published', 'cancelled'] } })

/** A one-off event members RSVP to: a time, a capacity, an RSVP deadline, a price or credit cost. */
export const Events = (): CollectionConfig =>
  tenantScoped(
    {
      slug: 'events',
      admin: {
        useAsTitle: 'title',
        defaultColumns: ['title', 'startTime', 'status', 'goingCount', 'capacity'],
        group: 'Bookings',
      },
      access: {
        read: or(tenantRole(STAFF_ROLES), published),
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
      },
      indexes: [{ fields: ['tenant', 'startTime'] }],
      hooks: {
        beforeChange: [guardEventChange],
        afterChange: [cancelRsvpsOfCancelledEvent, promoteRsvpsIntoNewPlaces, forgetSitePages('events')],
        afterDelete: [forgetSitePages('events')],
      },
      endpoints: [rsvpEndpoint, cancelEventEndpoint],
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'description', type: 'textarea' },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'one_time_event',
          options: ['one_time_event', 'multi_day_program', 'retreat', 'club_event'],
        },
        { name: 'location', type: 'relationship', relationTo: 'locations' },
        { name: 'locationText', type: 'text', admin: { description: 'Where, when it is not one of the locations.' } },
        { name: 'startTime', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'endTime', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'timezone',
          type: 'text',
          admin: { readOnly: true, description: 'From the location, else the tenant.' },
        },
        {
          name: 'capacity',
          type: 'number',
          min: 0,
          admin: { description: 'Places including guests; empty = unlimited.' },
        },
        {
          name: 'goingCount',
          type: 'number',
          defaultValue: 0,
          access: readOnly,
          admin: { readOnly: true, description: 'Places taken (members and their guests).' },
        },
        {
          name: 'waitlistCapacity',
          type: 'number',
          defaultValue: 0,
          min: 0,
          admin: { description: 'RSVPs that may wait for a place when the event is full; 0 = no waitlist.' },
        },
        {
          name: 'waitlistCount',
          type: 'number',
          defaultValue: 0,
          access: readOnly,
          admin: { readOnly: true, description: 'RSVPs on the waitlist.' },
        },
        {
          name: 'rsvpDeadline',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'No RSVPs after this; default: the start.' },
        },
        {
          name: 'maxGuests',
          type: 'number',
          defaultValue: 0,
          min: 0,
          max: 20,
          admin: { description: 'Guests a member may bring.' },
        },
        moneyField({ name: 'price' }),
        { name: 'creditCost', type: 'number', min: 0 },
        {
          name: 'deliveryMode',
          type: 'select',
          defaultValue: 'in_person',
          options: ['in_person', 'virtual', 'hybrid'],
        },
        { name: 'joinLink', type: 'text' },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'draft',
          options: ['draft', 'published', 'cancelled', 'archived'],
          admin: { position: 'sidebar' },
        },
        { name: 'cancellationReason', type: 'text' },
      ],
    },
    {
      publicRead: true,
      isolationFixture: () => ({ startTime: '2030-01-07T18:00:00.000Z', endTime: '2030-01-07T20:00:00.000Z' }),
    },
  )
