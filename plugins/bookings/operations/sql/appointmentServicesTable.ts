import { defineSqlTable } from '@/core'

/** `appointment-services` as the bookings plugin's raw SQL reads it. */
export const appointmentServicesTable = defineSqlTable('appointment-services', {
  id: 'id',
  tenant: 'tenant',
  title: 'title',
  kind: 'kind',
  isActive: 'isActive',
  durationMinutes: 'durationMinutes',
  bufferBeforeMinutes: 'bufferBeforeMinutes',
  bufferAfterMinutes: 'bufferAfterMinutes',
  slotIntervalMinutes: 'slotIntervalMinutes',
  capacity: 'capacity',
  priceAmount: 'price.amount',
  priceCurrency: 'price.currency',
  creditCost: 'creditCost',
  location: 'location',
  room: 'room',
  bookingWindowDays: 'bookingWindowDays',
  minNoticeMinutes: 'minNoticeMinutes',
})

/** The relationships table of `appointment-services` (its `providers`, memberships). */
export const appointmentServicesRelsTable = defineSqlTable('appointment-services._rels', {
  parent: 'parent',
  path: 'path',
  order: 'order',
  membership: 'tenant-memberships',
})
