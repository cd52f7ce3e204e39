import { defineSqlTable } from '@/core'

/** `certificates` as the lms plugin's raw SQL uses it. */
export const certificatesTable = defineSqlTable('certificates', {
  id: 'id',
  tenant: 'tenant',
  enrollment: 'enrollment',
  member: 'member',
  course: 'course',
  code: 'code',
  issuedAt: 'issuedAt',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
})
