import { defineSqlTable } from '@/core'

/** `rooms`: locked while a class or appointment checks that a room is free. */
export const roomsTable = defineSqlTable('rooms', { id: 'id' })
