import { defineSqlTable } from '@/core'

/** Web Push subscriptions: upserted on (tenant, endpoint); the push channel records successes and failures. */
export const pushSubscriptionsTable = defineSqlTable('push-subscriptions', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  endpoint: 'endpoint',
  p256dh: 'keys.p256dh',
  auth: 'keys.auth',
  userAgent: 'userAgent',
  lastSuccessAt: 'lastSuccessAt',
  failures: 'failures',
  disabledAt: 'disabledAt',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
})
