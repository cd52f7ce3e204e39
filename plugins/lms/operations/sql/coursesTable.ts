import { defineSqlTable } from '@/core'

/** `courses` as the lms plugin's raw SQL uses it. */
export const coursesTable = defineSqlTable(
  'courses',
  {
    id: 'id',
    tenant: 'tenant',
    title: 'title',
    status: '_status',
    navigation: 'navigation',
    cohortStartDate: 'cohortStartDate',
    priceAmount: 'price.amount',
    deletedAt: 'deletedAt',
  },
  { enums: ['status', 'navigation'] },
)
