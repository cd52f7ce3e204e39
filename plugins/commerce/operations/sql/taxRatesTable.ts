import { defineSqlTable } from '@/core'

/** `tax-rates` as the commerce plugin's raw SQL uses it. */
export const taxRatesTable = defineSqlTable('tax-rates', {
  id: 'id',
  tenant: 'tenant',
  rateBps: 'rateBps',
  mode: 'mode',
  active: 'active',
})

/** The hasMany `kinds` select of a tax rate. */
export const taxRateKindsTable = defineSqlTable('tax-rates.kinds', { parent: 'parent', value: 'value' })
