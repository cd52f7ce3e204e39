import { defineSqlTable } from '@/core'

/** `bookings` as the bookings plugin's raw SQL uses it. */
export const bookingsTable = defineSqlTable(
  'bookings',
  {
    id: 'id',
    tenant: 'tenant',
    class: 'class',
    member: 'member',
    startTime: 'startTime',
    status: 'status',
    waitlistPosition: 'waitlistPosition',
    attendanceType: 'attendanceType',
    paymentMethod: 'paymentMethod',
    paymentReference: 'paymentReference',
    waitlistedAt: 'waitlistedAt',
    promotedAt: 'promotedAt',
    offeredAt: 'offeredAt',
    offerExpiresAt: 'offerExpiresAt',
    checkedInAt: 'checkedInAt',
    cancelledAt: 'cancelledAt',
    cancellationReason: 'cancellationReason',
    lateCancelFeeAmount: 'lateCancelFee.amount',
    lateCancelFeeCurrency: 'lateCancelFee.currency',
    source: 'source',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status', 'attendanceType', 'paymentMethod', 'source'] },
)
