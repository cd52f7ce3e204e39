import type { CollectionConfig } from 'payload'
import { DESK_ROLES, moneyField, nobody, or, self, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'
import { cancelRsvpEndpoint } from '../../endpoints/cancelRsvpEndpoint'
import { rsvpCancelPreviewEndpoint } from '../../endpoints/rsvpCancelPreviewEndpoint'
import { checkInRsvpEndpoint } from '../../endpoints/checkInRsvpEndpoint'
import { cancelTokenHashField, guestField } from '../../fields/guestFields'
import { paymentFields } from '../../fields/paymentFields'

const systemOnly = { create: () => false, update: () => false }

/** A member's (or an e-mail-only guest's) RSVP to an event (with guests). Made by `POST /api/events/:id/rsvp`, cancelled by its cancel endpoint. */
export const EventRsvps = (): CollectionConfig =>
  tenantScoped(
    {
      slug: 'event-rsvps',
      admin: { useAsTitle: 'id', defaultColumns: ['event', 'member', 'status', 'guests'], group: 'Bookings' },
      access: {
        read: or(tenantRole(STAFF_ROLES), self('member.user')),
        create: nobody,
        update: tenantRole(DESK_ROLES), // notes only
        delete: nobody,
      },
      indexes: [
        { fields: ['tenant', 'createdAt'] },
        { fields: ['event', 'status'] },
        { fields: ['tenant', 'member', 'status'] },
      ],
      endpoints: [rsvpCancelPreviewEndpoint, cancelRsvpEndpoint, checkInRsvpEndpoint],
      fields: [
        { name: 'event', type: 'relationship', relationTo: 'events', required: true, access: systemOnly },
        {
          name: 'member',
          type: 'relationship',
          relationTo: 'tenant-memberships',
          access: systemOnly,
          admin: { description: 'Empty for a guest (a visitor without an account who RSVPed by e-mail).' },
        },
        guestField('A visitor without an account who RSVPed with name and e-mail.'),
        cancelTokenHashField(),
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'going',
          options: ['going', 'waitlisted', 'cancelled', 'attended', 'no_show'],
          access: systemOnly,
          admin: { position: 'sidebar', readOnly: true },
        },
        { name: 'guests', type: 'number', defaultValue: 0, min: 0, access: systemOnly, admin: { readOnly: true } },
        {
          name: 'waitlistPosition',
          type: 'number',
          access: systemOnly,
          admin: { readOnly: true, position: 'sidebar' },
        },
        { name: 'waitlistedAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        { name: 'promotedAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        { name: 'checkedInAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        ...paymentFields(),
        moneyField({ name: 'price', label: 'Price (snapshot, per place)', access: systemOnly }),
        { name: 'creditsUsed', type: 'number', access: systemOnly, admin: { readOnly: true } },
        { name: 'cancelledAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        { name: 'cancellationReason', type: 'text', access: systemOnly, admin: { readOnly: true } },
        { name: 'notes', type: 'textarea' },
      ],
    },
    // Grid documents are cancelled RSVPs: they hold no place.
    { isolationFixture: () => ({ status: 'cancelled' }) },
  )
