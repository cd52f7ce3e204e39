import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { IMPORT_STATUSES } from '../../types'
import { deskWrite, staffRead } from '../shared/access'
import { SAMPLE_IMPORT_CSV } from '../../trackman/import/sampleImportCsv'
import { prepareImport } from './hooks/prepareImport'
import { queueImport } from './hooks/queueImport'

const counter = (name: string, label: string) => ({
  name,
  label,
  type: 'number' as const,
  defaultValue: 0,
  min: 0,
  access: { update: () => false },
  admin: { readOnly: true },
})

/**
 * A CSV of bay bookings exported from Trackman, uploaded by desk staff
 * (`POST /api/facility-imports/upload` or a create here): the rows are read on save (400 naming
 * missing columns) and processed in batches by the `facilityTrackmanImport` job, which counts its
 * progress here. Rows needing a person's decision land in `facility-import-rows`.
 */
export const FacilityImports = (group: string, options: { maxBytes: number }): CollectionConfig =>
  tenantScoped(
    {
      slug: 'facility-imports',
      labels: { singular: 'Trackman import', plural: 'Trackman imports' },
      admin: {
        useAsTitle: 'fileName',
        defaultColumns: ['fileName', 'status', 'processed', 'totalRows', 'created', 'unmatched', 'createdAt'],
        group,
      },
      access: { read: staffRead, create: deskWrite, update: deskWrite, delete: deskWrite },
      indexes: [{ fields: ['tenant', 'status', 'createdAt'] }],
      hooks: { beforeChange: [prepareImport(options)], afterChange: [queueImport] },
      fields: [
        { name: 'fileName', type: 'text', required: true, maxLength: 200 },
        {
          name: 'csv',
          type: 'textarea',
          required: true,
          access: { update: () => false },
          admin: { description: 'The uploaded CSV as it was received.', readOnly: true },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'queued',
          options: [...IMPORT_STATUSES],
          access: { update: () => false },
          admin: { readOnly: true },
        },
        {
          name: 'zone',
          type: 'text',
          access: { update: () => false },
          admin: { readOnly: true, description: 'The IANA zone local times were read in.' },
        },
        counter('totalRows', 'Rows'),
        counter('processed', 'Processed'),
        counter('created', 'Reservations created'),
        counter('unchanged', 'Unchanged'),
        counter('unmatched', 'Unmatched'),
        counter('overlapping', 'Overlapping'),
        counter('errors', 'Errors'),
        { name: 'error', type: 'textarea', access: { update: () => false }, admin: { readOnly: true } },
        { name: 'uploadedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'finishedAt', type: 'date', access: { update: () => false }, admin: { readOnly: true } },
      ],
    },
    {
      isolationFixture: async () => ({ fileName: 'grid.csv', csv: SAMPLE_IMPORT_CSV }),
    },
  )
