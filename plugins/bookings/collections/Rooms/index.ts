import type { CollectionConfig } from 'payload'
import { anyone, MANAGER_ROLES, tenantRole, tenantScoped } from '@/core'

/** A bookable space at a location; classes and appointments in one room may not overlap. */
export const Rooms = (): CollectionConfig =>
  tenantScoped(
    {
      slug: 'rooms',
      admin: { useAsTitle: 'name', defaultColumns: ['name', 'location', 'capacity', 'isActive'], group: 'Bookings' },
      access: {
        read: anyone,
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
      },
      indexes: [{ fields: ['tenant', 'location'] }],
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'location', type: 'relationship', relationTo: 'locations' },
        { name: 'capacity', type: 'number', min: 0, admin: { description: 'People the room holds (informational).' } },
        { name: 'isActive', type: 'checkbox', defaultValue: true },
      ],
    },
    { publicRead: true },
  )
