import { defineSqlTable } from '@/core'

/** The `commerce` group this plugin adds to tenant-settings (the tenant's order holds). */
export const commerceSettingsTable = defineSqlTable('tenant-settings', {
  tenant: 'tenant',
  reservationHoldDays: 'commerce.reservationHoldDays',
  checkoutHoldMinutes: 'commerce.checkoutHoldMinutes',
})
