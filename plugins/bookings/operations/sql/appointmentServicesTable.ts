import { defineSqlTable } from '@/core'

/** `appointment-services` as the bookings plugin's raw SQL reads it. */
export const appointmentServicesTable = defineSqlTable('appointment-services', { id: 'id', title: 'title' })
