import type { CollectionConfig } from 'payload'
import { moneyField, tenantScoped } from '@/core'
import { PARTICIPANT_TYPES } from '../../types'
import { gridReservation } from '../shared/gridFixtures'
import { deskWrite, staffOrOwnRows } from '../shared/access'

/**
 * A player of a reservation: slot 1 is the owner, then members and guests up to the resource's
 * capacity. A guest pays the guest fee or uses one of the host's guest passes.
 */
export const ReservationParticipants = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'reservation-participants',
      admin: {
        useAsTitle: 'displayName',
        defaultColumns: ['reservation', 'slotNumber', 'participantType', 'displayName'],
        group,
      },
      access: { read: staffOrOwnRows, create: deskWrite, update: deskWrite, delete: deskWrite },
      indexes: [{ fields: ['tenant', 'reservation', 'slotNumber'], unique: true }, { fields: ['tenant', 'member'] }],
      fields: [
        { name: 'reservation', type: 'relationship', relationTo: 'reservations', required: true },
        { name: 'slotNumber', type: 'number', required: true, min: 1 },
        {
          name: 'participantType',
          type: 'select',
          required: true,
          defaultValue: 'member',
          options: [...PARTICIPANT_TYPES],
        },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
        { name: 'guest', type: 'relationship', relationTo: 'guests' },
        { name: 'displayName', type: 'text' },
        { name: 'tierKey', type: 'text', admin: { readOnly: true, description: 'The tier priced at booking.' } },
        { name: 'usesGuestPass', type: 'checkbox', defaultValue: false },
        moneyField({ name: 'fee', label: 'Fee at booking' }),
        { name: 'checkedInAt', type: 'date' },
      ],
    },
    {
      isolationFixture: async ({ tenant, member, payload }) => {
        const { reservation } = await gridReservation(payload, tenant, member)
        return { reservation, slotNumber: 1, participantType: 'owner', member }
      },
    },
  )
