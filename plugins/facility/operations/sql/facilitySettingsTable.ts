import { defineSqlTable } from '@/core'

/** The `facility` group this plugin adds to tenant-settings (the club's guest policy). */
export const facilitySettingsTable = defineSqlTable('tenant-settings', {
  tenant: 'tenant',
  guestWaiverAtDesk: 'facility.guestWaiverAtDesk',
})
