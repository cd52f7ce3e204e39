import { defineSqlTable } from '@/core'

/** `availability-blocks` as the facility plugin's raw SQL uses it. */
export const availabilityBlocksTable = defineSqlTable(
  'availability-blocks',
  {
    id: 'id',
    tenant: 'tenant',
    resource: 'resource',
    startAt: 'startAt',
    endAt: 'endAt',
    blockType: 'blockType',
    closure: 'closure',
    notes: 'notes',
  },
  { enums: ['blockType'] },
)
