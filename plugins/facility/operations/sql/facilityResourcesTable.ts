import { defineSqlTable } from '@/core'

/** `facility-resources` as the facility plugin's raw SQL uses it. */
export const facilityResourcesTable = defineSqlTable('facility-resources', {
  id: 'id',
  tenant: 'tenant',
  location: 'location',
  name: 'name',
  isActive: 'isActive',
  trackmanBayId: 'trackmanBayId',
  deletedAt: 'deletedAt',
  bufferBeforeMinutes: 'bookingRules.bufferBeforeMinutes',
  bufferAfterMinutes: 'bookingRules.bufferAfterMinutes',
})
