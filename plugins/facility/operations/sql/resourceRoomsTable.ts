import { defineSqlTable } from '@/core'

/**
 * `facility-resources` with its `room` (the bookings room it shares): the column exists only when
 * the bookings plugin is installed, so this table is checked at start-up only then.
 */
export const resourceRoomsTable = defineSqlTable('facility-resources', {
  id: 'id',
  tenant: 'tenant',
  name: 'name',
  room: 'room',
})
