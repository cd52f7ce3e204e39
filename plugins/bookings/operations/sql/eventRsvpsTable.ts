import { defineSqlTable } from '@/core'

/** `event-rsvps` as the bookings plugin's raw SQL uses it. */
export const eventRsvpsTable = defineSqlTable(
  'event-rsvps',
  {
    id: 'id',
    tenant: 'tenant',
    event: 'event',
    member: 'member',
    guestName: 'guest.name',
    guestEmail: 'guest.email',
    guestPhone: 'guest.phone',
    cancelTokenHash: 'cancelTokenHash',
    status: 'status',
    guests: 'guests',
    waitlistPosition: 'waitlistPosition',
    waitlistedAt: 'waitlistedAt',
    promotedAt: 'promotedAt',
    checkedInAt: 'checkedInAt',
    paymentMethod: 'paymentMethod',
    paymentReference: 'paymentReference',
    priceAmount: 'price.amount',
    priceCurrency: 'price.currency',
    creditsUsed: 'creditsUsed',
    cancelledAt: 'cancelledAt',
    cancellationReason: 'cancellationReason',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status', 'paymentMethod'] },
)
