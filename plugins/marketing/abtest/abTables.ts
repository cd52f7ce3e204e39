import { defineSqlTable } from '@/core'

/** Variant assignments: one row per (automation, member), inserted once with ON CONFLICT DO NOTHING. */
export const automationAssignmentsTable = defineSqlTable('automation-assignments', {
  id: 'id',
  tenant: 'tenant',
  automation: 'automation',
  member: 'member',
  lead: 'lead', // mkt_rest: lead A/B
  variant: 'variant',
  bucket: 'bucket',
  assignedAt: 'assignedAt',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
})

/** The enrolment's step bookkeeping this slice adds to automation-logs. */
export const enrolmentStepsTable = defineSqlTable('automation-logs', {
  id: 'id',
  currentStep: 'currentStep',
  metadata: 'metadata',
  updatedAt: 'updatedAt',
})

/**
 * Bookings (plugins/bookings) as the conversion goal reads them, read-only; registered only when
 * the bookings plugin is installed (see withAbTest).
 */
export const goalBookingsTable = defineSqlTable(
  'bookings',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    status: 'status',
    createdAt: 'createdAt',
    checkedInAt: 'checkedInAt',
    class: 'class',
  }, // checkedInAt, class: More triggers
  { enums: ['status'] },
)

/** Orders (plugins/commerce), read-only, for the purchase goal; registered only with commerce. */
export const goalOrdersTable = defineSqlTable(
  'orders',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    status: 'status',
    purchasedAt: 'purchasedAt',
    createdAt: 'createdAt',
  }, // createdAt: More triggers
  { enums: ['status'] },
)

/** Booking statuses that count as "booked" (a place was held). */
export const BOOKED_STATUSES = ['confirmed', 'checked_in', 'no_show', 'late_cancelled'] as const
/** Order statuses that count as "purchased". */
export const PAID_STATUSES = ['paid', 'partially_refunded'] as const
