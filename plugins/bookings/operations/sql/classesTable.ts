import { defineSqlTable } from '@/core'

/** `classes` as the bookings plugin's raw SQL uses it (the place counters change by one conditional UPDATE). */
export const classesTable = defineSqlTable(
  'classes',
  {
    id: 'id',
    tenant: 'tenant',
    title: 'title',
    series: 'series',
    location: 'location',
    instructor: 'instructor',
    room: 'room',
    startTime: 'startTime',
    endTime: 'endTime',
    timezone: 'timezone',
    status: 'status',
    kind: 'kind',
    deliveryMode: 'deliveryMode',
    capacity: 'capacity',
    waitlistCapacity: 'waitlistCapacity',
    bookedCount: 'bookedCount',
    waitlistCount: 'waitlistCount',
    priceAmount: 'price.amount',
    priceCurrency: 'price.currency',
    creditCost: 'creditCost',
    detached: 'detached',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)
