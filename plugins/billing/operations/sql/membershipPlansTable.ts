import { defineSqlTable } from '@/core'

/** `membership-plans` as the billing plugin's raw SQL reads it. */
export const membershipPlansTable = defineSqlTable('membership-plans', { id: 'id', name: 'name' })
