import { defineSqlTable } from '@/core'

/** `plan-features`: a plan's features (`unlimited`, `true`, or a per-period quota). */
export const planFeaturesTable = defineSqlTable('plan-features', {
  id: 'id',
  plan: 'plan',
  featureKey: 'featureKey',
  value: 'value',
})
