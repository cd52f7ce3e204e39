import { defineSqlTable } from '@/core'

/** `closures` as the facility plugin's raw SQL uses it. */
export const closuresTable = defineSqlTable('closures', {
  id: 'id',
  tenant: 'tenant',
  location: 'location',
  startAt: 'startAt',
  endAt: 'endAt',
  affectsAllResources: 'affectsAllResources',
  cancelledCount: 'cancelledCount',
})

/** A closure's `resources` (hasMany relationship). */
export const closuresRelsTable = defineSqlTable('closures._rels', {
  parent: 'parent',
  path: 'path',
  resource: 'facility-resources',
})
