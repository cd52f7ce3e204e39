import { defineSqlTable } from '@/core'

/** `courses` as the lms plugin's raw SQL uses it. */
export const coursesTable = defineSqlTable(
  'courses',
  {
    id: 'id',
    tenant: 'tenant',
    title: 'title',
    navigation: 'navigation',
    status: '_status',
    cohortStartDate: 'cohortStartDate',
    priceAmount: 'price.amount',
    deletedAt: 'deletedAt',
  },
  { enums: ['status', 'navigation'] },
)
