import { defineSqlTable } from '@/core'

/** `content-items` as the lms plugin's raw SQL uses it. */
export const contentItemsTable = defineSqlTable(
  'content-items',
  {
    id: 'id',
    tenant: 'tenant',
    contentType: 'contentType',
    status: '_status',
    visibility: 'visibility',
    category: 'category',
    priceAmount: 'price.amount',
    media: 'media',
    deletedAt: 'deletedAt',
  },
  { enums: ['status', 'contentType', 'visibility'] },
)
