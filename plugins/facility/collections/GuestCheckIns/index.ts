import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { deskWrite, staffRead } from '../shared/access'
import { gridReservation } from '../shared/gridFixtures'

/**
 * A guest admitted on a host's invitation (desk staff, `POST /api/reservations/:id/check-in`): at
 * most once per guest and local day (U(tenant, guest, localDate)), so a repeated scan changes nothing.
 */
export const GuestCheckIns = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'guest-check-ins',
      admin: { useAsTitle: 'localDate', defaultColumns: ['guest', 'host', 'reservation', 'checkInAt'], group },
      access: { read: staffRead, create: deskWrite, update: deskWrite, delete: deskWrite },
      indexes: [{ fields: ['tenant', 'guest', 'localDate'], unique: true }, { fields: ['tenant', 'checkInAt'] }],
      fields: [
        { name: 'guest', type: 'relationship', relationTo: 'guests', required: true },
        {
          name: 'host',
          type: 'relationship',
          relationTo: 'tenant-memberships',
          admin: { description: 'The member who brought them (none for a guest’s own day pass).' },
        },
        { name: 'reservation', type: 'relationship', relationTo: 'reservations' },
        { name: 'checkInAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'localDate', type: 'text', required: true, admin: { description: 'YYYY-MM-DD in the club’s zone.' } },
        { name: 'checkedInBy', type: 'relationship', relationTo: 'users' },
        {
          name: 'passSpent',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'A guest pass covered it (else the guest fee).' },
        },
        // ---- facility commerce ----
        {
          name: 'dayPass',
          type: 'relationship',
          relationTo: 'day-passes',
          admin: { description: 'The day pass spent.' },
        },
      ],
    },
    {
      isolationFixture: async ({ tenant, member, payload }) => {
        const guest = await payload.create({ collection: 'guests', data: { tenant, name: 'Grid guest' } })
        const { reservation } = await gridReservation(payload, tenant, member)
        return {
          guest: guest.id,
          host: member,
          reservation,
          checkInAt: new Date().toISOString(),
          localDate: new Date().toISOString().slice(0, 10),
        }
      },
    },
  )
