import { defineSqlTable } from '@/core'

/** `events` as the bookings plugin's raw SQL uses it (going/waitlist counters change by one conditional UPDATE). */
export const eventsTable = defineSqlTable(
  'events',
  {
    id: 'id',
    tenant: 'tenant',
    title: 'title',
    description: 'description',
    location: 'location',
    locationText: 'locationText',
    timezone: 'timezone',
    startTime: 'startTime',
    endTime: 'endTime',
    capacity: 'capacity',
    goingCount: 'goingCount',
    waitlistCapacity: 'waitlistCapacity',
    waitlistCount: 'waitlistCount',
    rsvpDeadline: 'rsvpDeadline',
    maxGuests: 'maxGuests',
    priceAmount: 'price.amount',
    priceCurrency: 'price.currency',
    creditCost: 'creditCost',
    status: 'status',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)
