import { defineSqlTable } from '@/core'

/** `products` as the commerce plugin's raw SQL uses it. */
export const productsTable = defineSqlTable('products', {
  id: 'id',
  tenant: 'tenant',
  name: 'name',
  kind: 'kind',
  priceAmount: 'price.amount',
  priceCurrency: 'price.currency',
  stockQuantity: 'stockQuantity',
  isActive: 'isActive',
  packCredits: 'pack.credits',
  packCreditType: 'pack.creditType',
  packValidityDays: 'pack.validityDays',
  deletedAt: 'deletedAt',
  updatedAt: 'updatedAt',
})
