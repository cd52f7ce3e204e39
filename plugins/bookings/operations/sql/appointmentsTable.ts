import { defineSqlTable } from '@/core'

/** `appointments` as the bookings plugin's raw SQL uses it. */
export const appointmentsTable = defineSqlTable(
  'appointments',
  {
    id: 'id',
    tenant: 'tenant',
    service: 'service',
    provider: 'provider',
    member: 'member',
    guestName: 'guest.name',
    room: 'room',
    startTime: 'startTime',
    endTime: 'endTime',
    timezone: 'timezone',
    blockedFrom: 'blockedFrom',
    blockedUntil: 'blockedUntil',
    capacity: 'capacity',
    checkedInAt: 'checkedInAt',
    status: 'status',
    paymentMethod: 'paymentMethod',
    paymentReference: 'paymentReference',
    source: 'source',
    cancelledAt: 'cancelledAt',
    cancellationReason: 'cancellationReason',
    updatedAt: 'updatedAt',
  },
  { enums: ['status', 'paymentMethod', 'source'] },
)
