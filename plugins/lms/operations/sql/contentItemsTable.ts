import { defineSqlTable } from '@/core'

/** `content-items` as the lms plugin's raw SQL uses it. */
export const contentItemsTable = defineSqlTable(
  'content-items',
  {
    id: 'id',
    tenant: 'tenant',
    status: '_status',
    contentType: 'contentType',
    visibility: 'visibility',
    category: 'category',
    priceAmount: 'price.amount',
    media: 'media',
    deletedAt: 'deletedAt',
  },
  { enums: ['status', 'contentType', 'visibility'] },
)
