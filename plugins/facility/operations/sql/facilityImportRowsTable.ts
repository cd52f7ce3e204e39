import { defineSqlTable } from '@/core'

/** `facility-import-rows` (the import's rows and review queue) as raw SQL uses it. */
export const facilityImportRowsTable = defineSqlTable(
  'facility-import-rows',
  {
    id: 'id',
    tenant: 'tenant',
    import: 'import',
    rowNumber: 'rowNumber',
    rowKey: 'rowKey',
    values: 'values',
    resource: 'resource',
    startAt: 'startAt',
    endAt: 'endAt',
    outcome: 'outcome',
    matchedBy: 'matchedBy',
    reason: 'reason',
    member: 'member',
    reservation: 'reservation',
    status: 'status',
    resolvedAt: 'resolvedAt',
    resolvedBy: 'resolvedBy',
    updatedAt: 'updatedAt',
  },
  { enums: ['outcome', 'matchedBy', 'status'] },
)
