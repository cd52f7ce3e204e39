import type { CollectionConfig } from 'payload'
import { DESK_ROLES, moneyField, nobody, or, self, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'
import { appointmentCancelPreviewEndpoint } from '../../endpoints/appointmentCancelPreviewEndpoint'
import { bookAppointmentEndpoint } from '../../endpoints/bookAppointmentEndpoint'
import { cancelAppointmentEndpoint } from '../../endpoints/cancelAppointmentEndpoint'
import { checkInAppointmentEndpoint } from '../../endpoints/checkInAppointmentEndpoint'
import { noShowAppointmentEndpoint } from '../../endpoints/noShowAppointmentEndpoint'
import { cancelTokenHashField, guestField } from '../../fields/guestFields'
import { paymentFields } from '../../fields/paymentFields'

const systemOnly = { create: () => false, update: () => false }

/**
 * A member's appointment with a provider. Made only by `POST /api/appointments/book` (which checks
 * availability and overlaps under the provider's row lock) and cancelled by its cancel endpoint.
 */
export const Appointments = (): CollectionConfig =>
  tenantScoped(
    {
      slug: 'appointments',
      admin: {
        useAsTitle: 'id',
        defaultColumns: ['service', 'provider', 'member', 'startTime', 'status'],
        group: 'Bookings',
      },
      access: {
        read: or(tenantRole(STAFF_ROLES), self('member.user')),
        create: nobody, // only the book endpoint
        update: tenantRole(DESK_ROLES), // notes only; everything else is system-only
        delete: nobody,
      },
      indexes: [
        { fields: ['tenant', 'startTime'] },
        { fields: ['provider', 'startTime'] },
        { fields: ['tenant', 'member', 'startTime'] },
      ],
      endpoints: [
        bookAppointmentEndpoint,
        appointmentCancelPreviewEndpoint,
        cancelAppointmentEndpoint,
        checkInAppointmentEndpoint,
        noShowAppointmentEndpoint,
      ],
      fields: [
        {
          name: 'service',
          type: 'relationship',
          relationTo: 'appointment-services',
          required: true,
          access: systemOnly,
        },
        {
          name: 'provider',
          type: 'relationship',
          relationTo: 'tenant-memberships',
          required: true,
          access: systemOnly,
        },
        {
          name: 'member',
          type: 'relationship',
          relationTo: 'tenant-memberships',
          access: systemOnly,
          admin: { description: 'Empty for a guest (a walk-in without an account) booked by staff.' },
        },
        guestField('A guest without an account (a walk-in booked by staff, or a visitor booking an intro session).'),
        cancelTokenHashField(),
        {
          name: 'room',
          type: 'relationship',
          relationTo: 'rooms',
          access: systemOnly,
          admin: { readOnly: true },
        },
        { name: 'startTime', type: 'date', required: true, access: systemOnly, admin: { readOnly: true } },
        { name: 'endTime', type: 'date', required: true, access: systemOnly, admin: { readOnly: true } },
        {
          name: 'blockedFrom',
          type: 'date',
          access: systemOnly,
          admin: { readOnly: true, description: 'startTime minus the service’s buffer before.' },
        },
        {
          name: 'blockedUntil',
          type: 'date',
          access: systemOnly,
          admin: { readOnly: true, description: 'endTime plus the buffer after.' },
        },
        { name: 'timezone', type: 'text', access: systemOnly, admin: { readOnly: true } },
        {
          name: 'capacity',
          type: 'number',
          access: systemOnly,
          admin: {
            readOnly: true,
            description: 'Places of the slot (the service’s capacity when booked); 1 = one-on-one.',
          },
        },
        {
          name: 'checkedInAt',
          type: 'date',
          access: systemOnly,
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'booked',
          options: ['booked', 'cancelled', 'completed', 'no_show'],
          access: systemOnly,
          admin: { position: 'sidebar', readOnly: true },
        },
        moneyField({ name: 'price', label: 'Price (snapshot)', access: systemOnly }),
        { name: 'creditCost', type: 'number', access: systemOnly, admin: { readOnly: true } },
        ...paymentFields(),
        {
          name: 'source',
          type: 'select',
          defaultValue: 'member',
          options: ['member', 'staff', 'website', 'import', 'api'],
          access: systemOnly,
        },
        { name: 'cancelledAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        { name: 'cancellationReason', type: 'text', access: systemOnly, admin: { readOnly: true } },
        { name: 'notes', type: 'textarea' },
      ],
    },
    // Grid documents are cancelled appointments: they hold no time, so they never overlap.
    {
      isolationFixture: ({ member }) => ({
        member,
        status: 'cancelled',
        startTime: '2030-01-07T09:00:00.000Z',
        endTime: '2030-01-07T10:00:00.000Z',
      }),
    },
  )
