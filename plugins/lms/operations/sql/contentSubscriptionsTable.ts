import { defineSqlTable } from '@/core'

/** `content-subscriptions` as the lms plugin's raw SQL uses it. */
export const contentSubscriptionsTable = defineSqlTable('content-subscriptions', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  subscription: 'subscription',
  plan: 'plan',
  status: 'status',
  entitled: 'entitled',
  accessUntil: 'accessUntil',
  syncedAt: 'syncedAt',
  updatedAt: 'updatedAt',
  createdAt: 'createdAt',
})
