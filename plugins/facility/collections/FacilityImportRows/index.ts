import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { IMPORT_MATCHES, IMPORT_OUTCOMES, IMPORT_ROW_STATUSES } from '../../types'
import { deskWrite, staffRead } from '../shared/access'
import { SAMPLE_IMPORT_CSV } from '../../trackman/import/sampleImportCsv'

/**
 * One row of a Trackman import and what became of it; the rows with `status` pending are the
 * review queue (no member matched, or the bay was taken): staff assign a member
 * (`POST /api/facility-import-rows/:id/resolve`, which creates the reservation) or ignore the row
 * (`/:id/ignore`). Written by the import job; U(tenant, import, rowNumber).
 */
export const FacilityImportRows = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'facility-import-rows',
      labels: { singular: 'Import row', plural: 'Import rows' },
      admin: {
        useAsTitle: 'rowKey',
        defaultColumns: ['import', 'rowNumber', 'outcome', 'reason', 'status'],
        group,
      },
      access: { read: staffRead, create: deskWrite, update: deskWrite, delete: deskWrite },
      indexes: [
        { fields: ['tenant', 'import', 'rowNumber'], unique: true },
        { fields: ['tenant', 'rowKey'] },
        { fields: ['tenant', 'status', 'import'] },
      ],
      fields: [
        { name: 'import', type: 'relationship', relationTo: 'facility-imports', required: true },
        {
          name: 'rowNumber',
          type: 'number',
          required: true,
          min: 1,
          admin: { description: 'Line of the CSV (the header is 1).' },
        },
        {
          name: 'rowKey',
          type: 'text',
          required: true,
          admin: { readOnly: true, description: 'Trackman booking id, else a hash of bay, times and person.' },
        },
        { name: 'values', type: 'json', admin: { readOnly: true, description: 'The row as read (column → value).' } },
        { name: 'resource', type: 'relationship', relationTo: 'facility-resources', admin: { readOnly: true } },
        {
          type: 'row',
          fields: [
            { name: 'startAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
            { name: 'endAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
          ],
        },
        { name: 'outcome', type: 'select', required: true, options: [...IMPORT_OUTCOMES] },
        { name: 'matchedBy', type: 'select', options: [...IMPORT_MATCHES] },
        { name: 'reason', type: 'text' },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
        { name: 'reservation', type: 'relationship', relationTo: 'reservations' },
        { name: 'status', type: 'select', required: true, defaultValue: 'done', options: [...IMPORT_ROW_STATUSES] },
        { name: 'resolvedAt', type: 'date', admin: { readOnly: true } },
        { name: 'resolvedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
      ],
    },
    {
      isolationFixture: async ({ tenant, payload }) => {
        const upload = await payload.create({
          collection: 'facility-imports',
          data: { tenant, fileName: 'grid.csv', csv: SAMPLE_IMPORT_CSV, status: 'queued' },
        })
        return {
          import: upload.id,
          rowNumber: 2,
          rowKey: `grid-${Math.random().toString(36).slice(2, 10)}`,
          outcome: 'unmatched',
          reason: 'No member with this e-mail, phone or name',
          status: 'pending',
        }
      },
    },
  )
