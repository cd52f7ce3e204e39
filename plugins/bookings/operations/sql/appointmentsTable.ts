import { defineSqlTable } from '@/core'

/** `appointments` as the bookings plugin's raw SQL reads it (the staff day, visits). */
export const appointmentsTable = defineSqlTable(
  'appointments',
  {
    id: 'id',
    tenant: 'tenant',
    service: 'service',
    provider: 'provider',
    member: 'member',
    guestName: 'guest.name',
    startTime: 'startTime',
    endTime: 'endTime',
    timezone: 'timezone',
    status: 'status',
    checkedInAt: 'checkedInAt',
  },
  { enums: ['status'] },
)
