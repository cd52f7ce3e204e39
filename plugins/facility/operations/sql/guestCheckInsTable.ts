import { defineSqlTable } from '@/core'

/** `guest-check-ins` as the facility plugin's raw SQL uses it. */
export const guestCheckInsTable = defineSqlTable('guest-check-ins', {
  id: 'id',
  tenant: 'tenant',
  guest: 'guest',
  host: 'host',
  reservation: 'reservation',
  checkInAt: 'checkInAt',
  localDate: 'localDate',
  checkedInBy: 'checkedInBy',
  passSpent: 'passSpent',
  dayPass: 'dayPass',
})
