import { defineSqlTable } from '@/core'

/** `facility-tiers` as the facility plugin's raw SQL uses it. */
export const facilityTiersTable = defineSqlTable('facility-tiers', {
  id: 'id',
  tenant: 'tenant',
  key: 'key',
  name: 'name',
  bookingWindowDays: 'bookingWindowDays',
  includedMinutesPerDay: 'includedMinutesPerDay',
})

/** The tier facility adds to `tenant-memberships`. */
export const memberTiersTable = defineSqlTable(
  'tenant-memberships',
  {
    id: 'id',
    tenant: 'tenant',
    user: 'user',
    status: 'status',
    displayName: 'profile.displayName',
    facilityTier: 'facilityTier',
  },
  { enums: ['status'] },
)
