import { defineSqlTable } from '@/core'

/** `facility-imports` as the Trackman import's raw SQL uses it. */
export const facilityImportsTable = defineSqlTable(
  'facility-imports',
  {
    id: 'id',
    tenant: 'tenant',
    fileName: 'fileName',
    csv: 'csv',
    status: 'status',
    zone: 'zone',
    totalRows: 'totalRows',
    processed: 'processed',
    created: 'created',
    unchanged: 'unchanged',
    unmatched: 'unmatched',
    overlapping: 'overlapping',
    errors: 'errors',
    error: 'error',
    finishedAt: 'finishedAt',
    updatedAt: 'updatedAt',
    createdAt: 'createdAt',
  },
  { enums: ['status'] },
)
