import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { deskWrite, staffRead } from '../shared/access'

/**
 * A guest a member brought (one per e-mail per tenant, case-insensitive: a partial unique index in
 * the migration); `waiverSignedAt` is the desk's record of their signed waiver.
 */
export const Guests = (group: string): CollectionConfig =>
  tenantScoped({
    slug: 'guests',
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'phone'], group },
    access: { read: staffRead, create: deskWrite, update: deskWrite, delete: deskWrite },
    indexes: [{ fields: ['tenant', 'name'] }],
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'email', type: 'email' },
      { name: 'phone', type: 'text' },
      {
        name: 'waiverSignedAt',
        type: 'date',
        admin: {
          date: { pickerAppearance: 'dayAndTime' },
          description:
            'When the guest signed the club’s waiver, recorded at the desk (checked before check-in when the club requires it and no waivers plugin is installed).',
        },
      },
    ],
  })
