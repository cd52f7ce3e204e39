import { defineSqlTable } from '@/core'

/** `guests` as the facility plugin's raw SQL uses it. */
export const guestsTable = defineSqlTable('guests', {
  id: 'id',
  tenant: 'tenant',
  name: 'name',
  email: 'email',
  phone: 'phone',
  waiverSignedAt: 'waiverSignedAt',
})
