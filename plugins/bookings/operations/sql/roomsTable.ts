import { defineSqlTable } from '@/core'

/** `rooms`: locked while a class, an appointment or a facility reservation checks that a room is free. */
export const roomsTable = defineSqlTable('rooms', { id: 'id', tenant: 'tenant' })
